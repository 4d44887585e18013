"use client";

import { useForm } from "@/components/forms/use-form";
import { SelectField, TextAreaField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { closeUnverifiable } from "@/lib/actions/staff/close-unverifiable";
import { UNVERIFIABLE_REASONS } from "@/lib/validation/choices";
import type { TCloseUnverifiable } from "@/lib/validation/identity-review";

/** Closes the request as unverifiable, with a reason and an explanation the requester reads. */
export function UnverifiableForm({ reference }: { reference: string }) {
  const { t } = useI18n();
  const form = useForm<TCloseUnverifiable>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/identity-review").then((m) => m.ZCloseUnverifiable),
    ),
    // No reason is chosen until staff choose one.
    defaultValues: { reference, reason: "" as TCloseUnverifiable["reason"], explanation: "" },
  });
  const { errors } = form.formState;
  const { failure, onSubmit, pending } = useActionForm(form, closeUnverifiable);

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="unverifiable-title">
      <h3 id="unverifiable-title">{t("review.unverifiable.title")}</h3>
      <p>{t("review.unverifiable.help")}</p>
      <SelectField
        id="unverifiable-reason"
        label={t("review.unverifiable.reasonLabel")}
        error={errors.reason?.message}
        registration={form.register("reason")}
      >
        <option value="">{t("review.unverifiable.choose")}</option>
        {UNVERIFIABLE_REASONS.map((code) => (
          <option key={code} value={code}>
            {t(`review.unverifiable.reason.${code}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id="unverifiable-explanation"
        label={t("review.unverifiable.explanation")}
        error={errors.explanation?.message}
        registration={form.register("explanation")}
      />
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={pending} variant="danger">
        {t("review.unverifiable.submit")}
      </SubmitButton>
    </form>
  );
}
