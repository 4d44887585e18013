"use client";

import { useForm } from "@/components/forms/use-form";
import { Choice, ChoiceGroup, TextAreaField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { requestResubmission } from "@/lib/actions/staff/request-resubmission";
import { RESUBMISSION_REASONS } from "@/lib/validation/choices";
import type { TRequestResubmission } from "@/lib/validation/identity-review";

/** Asks the requester for new documents: what is wrong (coded, translated for them) and a message. */
export function ResubmissionForm({ reference }: { reference: string }) {
  const { t } = useI18n();
  const form = useForm<TRequestResubmission>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/identity-review").then((m) => m.ZRequestResubmission),
    ),
    defaultValues: { reference, reasons: [], message: "" },
  });
  const { errors } = form.formState;
  const { failure, onSubmit, pending } = useActionForm(form, requestResubmission, {
    onSuccess: () => form.reset({ reference, reasons: [], message: "" }),
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="resubmit-title">
      <h3 id="resubmit-title">{t("review.resubmission.title")}</h3>
      <ChoiceGroup
        id="resubmit-reasons"
        legend={t("review.resubmission.reasons")}
        error={errors.reasons?.message}
      >
        {RESUBMISSION_REASONS.map((code) => (
          <Choice
            key={code}
            type="checkbox"
            value={code}
            label={t(`review.reason.${code}`)}
            registration={form.register("reasons")}
          />
        ))}
      </ChoiceGroup>
      <TextAreaField
        id="resubmit-message"
        label={t("review.resubmission.message")}
        hint={t("review.resubmission.messageHelp")}
        error={errors.message?.message}
        registration={form.register("message")}
      />
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={pending}>{t("review.resubmission.submit")}</SubmitButton>
    </form>
  );
}
