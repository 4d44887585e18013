"use client";

import type { z } from "zod";

import { useForm } from "@/components/forms/use-form";
import { TextField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { updateFees } from "@/lib/actions/manager/policies/update-fees";
import { MAX_FEE_YEN } from "@/lib/validation/choices";
import type { ZFees, TFees } from "@/lib/validation/policies-config";

type Input = z.input<typeof ZFees>;
const FIELDS = ["disclosureFeeYen", "purposeNotificationFeeYen"] as const;
const LABELS = {
  disclosureFeeYen: "settingsPolicies.fees.disclosure",
  purposeNotificationFeeYen: "settingsPolicies.fees.purposeNotification",
} as const;

/** The two fees of APPI Art.38, in yen. */
export function FeesForm({ fees }: { fees: TFees }) {
  const { t } = useI18n();
  const form = useForm<Input, unknown, TFees>({
    resolver: lazyResolver(() => import("@/lib/validation/policies-config").then((m) => m.ZFees)),
    defaultValues: fees,
  });
  const { errors } = form.formState;
  const { failure, onSubmit, pending } = useActionForm(form, updateFees, {
    saved: "settingsPolicies.saved",
  });

  return (
    <form onSubmit={onSubmit} noValidate className="panel" aria-labelledby="fees-title">
      <h2 id="fees-title">{t("settingsPolicies.fees.title")}</h2>
      <p id="fees-help" className="help">
        {t("settingsPolicies.fees.help")}
      </p>
      {FIELDS.map((field) => (
        <TextField
          key={field}
          id={`fees-${field}`}
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_FEE_YEN}
          label={t(LABELS[field])}
          describedBy="fees-help"
          error={errors[field]?.message}
          registration={form.register(field)}
        />
      ))}
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={pending}>{t("settingsPolicies.save")}</SubmitButton>
    </form>
  );
}
