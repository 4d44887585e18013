"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { flagMyNumber } from "@/lib/actions/staff/flag-my-number";
import type { MessageKey } from "@/lib/i18n/translate";
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
  const router = useRouter();
  const [failure, setFailure] = useState<{ error: MessageKey; errorId?: string }>();
  const form = useForm<TFlagMyNumber>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/identity-review").then((m) => m.ZFlagMyNumber),
    ),
    defaultValues: { documentId, confirm: false as unknown as true },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await flagMyNumber(values);
    if (!result.ok) return setFailure({ error: result.error, errorId: result.errorId });
    onDone();
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="flag-title" className="notice">
      <h3 id="flag-title">{t("review.flag.title")}</h3>
      <p>{label}</p>
      <div className="field">
        <label className="choice">
          <input
            type="checkbox"
            {...form.register("confirm")}
            aria-describedby={errors.confirm ? "flag-confirm-error" : undefined}
          />
          {t("review.flag.confirm")}
        </label>
        <FieldError id="flag-confirm-error" message={errors.confirm?.message} />
      </div>
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
      <div className="row">
        <button type="submit" disabled={isSubmitting}>
          {t("review.flag.submit")}
        </button>
        <button type="button" className="link" onClick={onCancel}>
          {t("review.flag.cancel")}
        </button>
      </div>
    </form>
  );
}
