"use client";

import { useForm } from "react-hook-form";
import type { z } from "zod";

import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { updateFees } from "@/lib/actions/manager/policies/update-fees";
import { MAX_FEE_YEN } from "@/lib/validation/choices";
import type { ZFees, TFees } from "@/lib/validation/policies-config";

import { useActionForm } from "@/components/forms/use-action-form";

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
  const { state, onSubmit } = useActionForm(form, FIELDS, updateFees);

  return (
    <form onSubmit={onSubmit} noValidate className="panel" aria-labelledby="fees-title">
      <h2 id="fees-title">{t("settingsPolicies.fees.title")}</h2>
      <p id="fees-help" className="help">
        {t("settingsPolicies.fees.help")}
      </p>
      {FIELDS.map((field) => (
        <div key={field} className="field">
          <label htmlFor={`fees-${field}`}>{t(LABELS[field])}</label>
          <input
            id={`fees-${field}`}
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_FEE_YEN}
            aria-invalid={errors[field] ? true : undefined}
            aria-describedby={errors[field] ? `fees-help fees-${field}-error` : "fees-help"}
            {...form.register(field)}
          />
          <FieldError id={`fees-${field}-error`} message={errors[field]?.message} />
        </div>
      ))}
      <div aria-live="polite">
        {state.saved && <p className="success">{t("settingsPolicies.saved")}</p>}
      </div>
      <FormAlert error={state.error} errorId={state.errorId} />
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t("settingsPolicies.save")}
      </button>
    </form>
  );
}
