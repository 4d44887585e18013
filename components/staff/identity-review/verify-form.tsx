"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { verifyIdentity } from "@/lib/actions/staff/verify-identity";
import type { MessageKey } from "@/lib/i18n/translate";
import { ZVerifyIdentity, type TVerifyIdentity } from "@/lib/validation/requests";

export function VerifyForm({ reference }: { reference: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [failure, setFailure] = useState<{ error: MessageKey; errorId?: string }>();
  const form = useForm<TVerifyIdentity>({
    resolver: zodResolver(ZVerifyIdentity),
    defaultValues: { reference, note: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await verifyIdentity(values);
    if (result.ok) return router.refresh();
    setFailure({ error: result.error, errorId: result.errorId });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="panel" aria-labelledby="verify-title">
      <h2 id="verify-title">{t("staff.verifyTitle")}</h2>
      <p>{t("staff.verifyHelp")}</p>
      <div className="field">
        <label htmlFor="verify-note">{t("staff.verifyNote")}</label>
        <textarea
          id="verify-note"
          rows={2}
          {...form.register("note")}
          aria-describedby={errors.note ? "verify-note-error" : undefined}
        />
        <FieldError id="verify-note-error" message={errors.note?.message} />
      </div>
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
      <button type="submit" disabled={isSubmitting}>
        {t("staff.verifySubmit")}
      </button>
    </form>
  );
}
