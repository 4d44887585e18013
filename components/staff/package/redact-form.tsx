"use client";

import { useEffect, useId, useState } from "react";
import { useForm } from "react-hook-form";

import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { redactItem } from "@/lib/actions/staff/redact-item";
import type { MessageKey } from "@/lib/i18n/translate";
import { ITEM_WITHHOLDING_GROUNDS } from "@/lib/requests/refusal-grounds";
import type { TRedactReason } from "@/lib/validation/packages";

/** The ground and the reason for withholding one item (both required; the requester reads them). */
export function RedactForm(props: {
  reference: string;
  itemRef: string;
  field: string;
  onCancel: () => void;
  onDone: (discarded: number) => Promise<void>;
}) {
  const { t } = useI18n();
  const id = useId();
  const [failure, setFailure] = useState<{ error: MessageKey; errorId?: string }>();
  const form = useForm<TRedactReason>({
    resolver: lazyResolver(() => import("@/lib/validation/packages").then((m) => m.ZRedactReason)),
    defaultValues: { ground: "" as TRedactReason["ground"], reason: "" },
  });
  const { errors, isSubmitting } = form.formState;
  useEffect(() => form.setFocus("ground"), [form]);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await redactItem({
      action: "redact",
      reference: props.reference,
      itemRef: props.itemRef,
      ground: values.ground,
      reason: values.reason,
    });
    if (!result.ok) {
      for (const field of ["ground", "reason"] as const) {
        const message = result.fieldErrors?.[field];
        if (message) form.setError(field, { message });
      }
      return setFailure({ error: result.error, errorId: result.errorId });
    }
    await props.onDone(result.data.discarded);
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={`${t("disclosurePackage.preview.redact")}: ${props.field}`}
    >
      <div className="field">
        <label htmlFor={`${id}-ground`}>{t("disclosurePackage.preview.ground")}</label>
        <select
          id={`${id}-ground`}
          aria-invalid={errors.ground ? true : undefined}
          aria-describedby={errors.ground ? `${id}-ground-error` : undefined}
          {...form.register("ground")}
        >
          <option value="">{t("disclosurePackage.preview.chooseGround")}</option>
          {ITEM_WITHHOLDING_GROUNDS.map((g) => (
            <option key={g} value={g}>
              {t(`decisions.groundLabels.${g}`)}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-ground-error`} message={errors.ground?.message} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t("disclosurePackage.preview.reason")}</label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? `${id}-reason-error` : undefined}
          {...form.register("reason")}
        />
        <FieldError id={`${id}-reason-error`} message={errors.reason?.message} />
      </div>
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
      <div className="row">
        <button type="submit" disabled={isSubmitting}>
          {t("disclosurePackage.preview.save")}
        </button>
        <button type="button" className="link" onClick={props.onCancel}>
          {t("disclosurePackage.preview.cancel")}
        </button>
      </div>
    </form>
  );
}
