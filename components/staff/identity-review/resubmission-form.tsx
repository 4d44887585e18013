"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { requestResubmission } from "@/lib/actions/staff/request-resubmission";
import type { MessageKey } from "@/lib/i18n/translate";
import { RESUBMISSION_REASONS } from "@/lib/validation/choices";
import type { TRequestResubmission } from "@/lib/validation/identity-review";

/** Asks the requester for new documents: what is wrong (coded, translated for them) and a message. */
export function ResubmissionForm({ reference }: { reference: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [failure, setFailure] = useState<{ error: MessageKey; errorId?: string }>();
  const form = useForm<TRequestResubmission>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/identity-review").then((m) => m.ZRequestResubmission),
    ),
    defaultValues: { reference, reasons: [], message: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await requestResubmission(values);
    if (result.ok) {
      form.reset({ reference, reasons: [], message: "" });
      return router.refresh();
    }
    setFailure({ error: result.error, errorId: result.errorId });
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="resubmit-title">
      <h3 id="resubmit-title">{t("review.resubmission.title")}</h3>
      <fieldset
        className="field"
        aria-describedby={errors.reasons ? "resubmit-reasons-error" : undefined}
      >
        <legend>{t("review.resubmission.reasons")}</legend>
        {RESUBMISSION_REASONS.map((code) => (
          <label className="choice" key={code}>
            <input type="checkbox" value={code} {...form.register("reasons")} />
            {t(`review.reason.${code}`)}
          </label>
        ))}
        <FieldError id="resubmit-reasons-error" message={errors.reasons?.message} />
      </fieldset>
      <div className="field">
        <label htmlFor="resubmit-message">{t("review.resubmission.message")}</label>
        <p id="resubmit-message-help" className="help">
          {t("review.resubmission.messageHelp")}
        </p>
        <textarea
          id="resubmit-message"
          rows={3}
          {...form.register("message")}
          aria-describedby={
            errors.message
              ? "resubmit-message-help resubmit-message-error"
              : "resubmit-message-help"
          }
        />
        <FieldError id="resubmit-message-error" message={errors.message?.message} />
      </div>
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
      <button type="submit" disabled={isSubmitting}>
        {t("review.resubmission.submit")}
      </button>
    </form>
  );
}
