"use client";

import { useForm } from "@/components/forms/use-form";
import { CheckboxField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { flagMyNumber } from "@/lib/actions/staff/flag-my-number";
import type { TFlagMyNumber } from "@/lib/validation/identity-review";

/** Confirms that a document shows a My Number: it is destroyed at once and a masked copy asked for. */
export function FlagForm(props: {
  documentId: string;
  label: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { documentId, label, onDone, onCancel } = props;
  const { t } = useI18n();
  const form = useForm<TFlagMyNumber>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/identity-review").then((m) => m.ZFlagMyNumber),
    ),
    defaultValues: { documentId, confirm: false as unknown as true },
  });
  const { errors } = form.formState;
  const { failure, onSubmit, pending } = useActionForm(form, flagMyNumber, {
    onSuccess: () => onDone(),
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="flag-title" className="notice">
      <h3 id="flag-title">{t("review.flag.title")}</h3>
      <p>{label}</p>
      <CheckboxField
        id="flag-confirm"
        label={t("review.flag.confirm")}
        error={errors.confirm?.message}
        registration={form.register("confirm")}
      />
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <div className="row">
        <SubmitButton pending={pending} variant="danger">
          {t("review.flag.submit")}
        </SubmitButton>
        <button type="button" className="link" onClick={onCancel}>
          {t("review.flag.cancel")}
        </button>
      </div>
    </form>
  );
}
