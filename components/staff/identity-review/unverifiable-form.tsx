"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { closeUnverifiable } from "@/lib/actions/staff/close-unverifiable";
import type { MessageKey } from "@/lib/i18n/translate";
import { UNVERIFIABLE_REASONS } from "@/lib/validation/choices";
import type { TCloseUnverifiable } from "@/lib/validation/identity-review";

/** Closes the request as unverifiable, with a reason and an explanation the requester reads. */
export function UnverifiableForm({ reference }: { reference: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [failure, setFailure] = useState<{ error: MessageKey; errorId?: string }>();
  const form = useForm<TCloseUnverifiable>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/identity-review").then((m) => m.ZCloseUnverifiable),
    ),
    // No reason is chosen until staff choose one.
    defaultValues: { reference, reason: "" as TCloseUnverifiable["reason"], explanation: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await closeUnverifiable(values);
    if (result.ok) return router.refresh();
    setFailure({ error: result.error, errorId: result.errorId });
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="unverifiable-title">
      <h3 id="unverifiable-title">{t("review.unverifiable.title")}</h3>
      <p>{t("review.unverifiable.help")}</p>
      <div className="field">
        <label htmlFor="unverifiable-reason">{t("review.unverifiable.reasonLabel")}</label>
        <select
          id="unverifiable-reason"
          {...form.register("reason")}
          aria-describedby={errors.reason ? "unverifiable-reason-error" : undefined}
        >
          <option value="">{t("review.unverifiable.choose")}</option>
          {UNVERIFIABLE_REASONS.map((code) => (
            <option key={code} value={code}>
              {t(`review.unverifiable.reason.${code}`)}
            </option>
          ))}
        </select>
        <FieldError id="unverifiable-reason-error" message={errors.reason?.message} />
      </div>
      <div className="field">
        <label htmlFor="unverifiable-explanation">{t("review.unverifiable.explanation")}</label>
        <textarea
          id="unverifiable-explanation"
          rows={3}
          {...form.register("explanation")}
          aria-describedby={errors.explanation ? "unverifiable-explanation-error" : undefined}
        />
        <FieldError id="unverifiable-explanation-error" message={errors.explanation?.message} />
      </div>
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
      <button type="submit" disabled={isSubmitting}>
        {t("review.unverifiable.submit")}
      </button>
    </form>
  );
}
