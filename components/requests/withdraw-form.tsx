"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { withdrawRequest } from "@/lib/actions/requests/withdraw-request";
import type { MessageKey } from "@/lib/i18n/translate";
import { ZWithdrawRequest } from "@/lib/validation/requests";

type Values = { reference: string; confirm: boolean };

/** Withdrawing needs a ticked confirmation, so a stray click never ends a request. */
export function WithdrawForm({ reference }: { reference: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [failure, setFailure] = useState<{ error: MessageKey; errorId?: string }>();
  const form = useForm<Values>({
    resolver: zodResolver(ZWithdrawRequest) as never,
    defaultValues: { reference, confirm: false },
  });
  const error = form.formState.errors.confirm?.message;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await withdrawRequest(values);
    if (result.ok) return router.refresh();
    setFailure({ error: result.error, errorId: result.errorId });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="panel" aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">{t("request.withdrawTitle")}</h2>
      <div className="field">
        <label className="choice">
          <input
            type="checkbox"
            aria-describedby={error ? "withdraw-error" : undefined}
            {...form.register("confirm")}
          />{" "}
          {t("request.withdrawConfirm")}
        </label>
        <FieldError id="withdraw-error" message={error} />
      </div>
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
      <button type="submit" className="danger" disabled={form.formState.isSubmitting}>
        {t("request.withdrawSubmit")}
      </button>
    </form>
  );
}
