"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { completeRequest } from "@/lib/actions/staff/complete-request";
import type { MessageKey } from "@/lib/i18n/translate";
import { ZCompleteRequest, type TCompleteRequest } from "@/lib/validation/requests";

const OUTCOMES = ["FULFILLED", "PARTIALLY_FULFILLED"] as const;

export function CompleteForm({ reference }: { reference: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [failure, setFailure] = useState<{ error: MessageKey; errorId?: string }>();
  const form = useForm<TCompleteRequest>({
    resolver: zodResolver(ZCompleteRequest),
    defaultValues: { reference, outcome: "FULFILLED", note: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await completeRequest(values);
    if (result.ok) return router.refresh();
    setFailure({ error: result.error, errorId: result.errorId });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="panel" aria-labelledby="complete-title">
      <h2 id="complete-title">{t("staff.completeTitle")}</h2>
      <div className="field">
        <label htmlFor="outcome">{t("staff.outcome")}</label>
        <select id="outcome" {...form.register("outcome")}>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`outcome.${o}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="complete-note">{t("staff.completeNote")}</label>
        <textarea
          id="complete-note"
          rows={4}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={errors.note ? "complete-note-error" : undefined}
          {...form.register("note")}
        />
        <FieldError id="complete-note-error" message={errors.note?.message} />
      </div>
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
      <button type="submit" disabled={isSubmitting}>
        {t("staff.completeSubmit")}
      </button>
    </form>
  );
}
