"use client";

import { useEffect, useId } from "react";

import { useForm } from "@/components/forms/use-form";
import { SelectField, TextAreaField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { redactItem } from "@/lib/actions/staff/redact-item";
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
  const form = useForm<TRedactReason>({
    resolver: lazyResolver(() => import("@/lib/validation/packages").then((m) => m.ZRedactReason)),
    defaultValues: { ground: "" as TRedactReason["ground"], reason: "" },
  });
  const { errors } = form.formState;
  useEffect(() => form.setFocus("ground"), [form]);
  // The preview around the form reloads its page and refreshes the panel itself (onDone).
  const { failure, onSubmit, pending } = useActionForm(
    form,
    async (values: TRedactReason) => {
      const result = await redactItem({
        action: "redact",
        reference: props.reference,
        itemRef: props.itemRef,
        ground: values.ground,
        reason: values.reason,
      });
      if (result.ok) await props.onDone(result.data.discarded);
      return result;
    },
    { fields: ["ground", "reason"], refresh: false },
  );

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={`${t("disclosurePackage.preview.redact")}: ${props.field}`}
    >
      <SelectField
        id={`${id}-ground`}
        label={t("disclosurePackage.preview.ground")}
        error={errors.ground?.message}
        registration={form.register("ground")}
      >
        <option value="">{t("disclosurePackage.preview.chooseGround")}</option>
        {ITEM_WITHHOLDING_GROUNDS.map((g) => (
          <option key={g} value={g}>
            {t(`decisions.groundLabels.${g}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id={`${id}-reason`}
        label={t("disclosurePackage.preview.reason")}
        rows={2}
        error={errors.reason?.message}
        registration={form.register("reason")}
      />
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <div className="row">
        <SubmitButton pending={pending}>{t("disclosurePackage.preview.save")}</SubmitButton>
        <button type="button" className="link" onClick={props.onCancel}>
          {t("disclosurePackage.preview.cancel")}
        </button>
      </div>
    </form>
  );
}
