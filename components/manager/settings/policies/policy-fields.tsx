"use client";

import type { UseFormReturn } from "react-hook-form";
import type { z } from "zod";

import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { useI18n } from "@/components/i18n/i18n-provider";
import { DEADLINE_UNITS } from "@/lib/validation/choices";
import type { ZDeadlineOverrideCreate } from "@/lib/validation/policies-config";

export type PolicyFormInput = z.input<typeof ZDeadlineOverrideCreate> & { id?: string };
export type PolicyFormOutput = z.output<typeof ZDeadlineOverrideCreate> & { id?: string };
export type PolicyForm = UseFormReturn<PolicyFormInput, unknown, PolicyFormOutput>;

type AmountField = "amount" | "extensionAmount" | "ackAmount";
type UnitField = "unit" | "extensionUnit" | "ackUnit";

const PAIRS: { amount: AmountField; unit: UnitField; optional: boolean }[] = [
  { amount: "amount", unit: "unit", optional: false },
  { amount: "extensionAmount", unit: "extensionUnit", optional: true },
  { amount: "ackAmount", unit: "ackUnit", optional: true },
];

/**
 * The rule's fields, shared by the edit form of each policy and the form that adds one. One note
 * above them says what a blank optional pair means; the optional amounts are described by it.
 */
export function PolicyFields({ form, prefix }: { form: PolicyForm; prefix: string }) {
  const { t } = useI18n();
  const { errors } = form.formState;
  const id = (field: string) => `${prefix}-${field}`;

  return (
    <>
      <p id={id("blank-help")} className="help">
        {t("settingsPolicies.deadlines.blankHelp")}
      </p>
      {PAIRS.map((pair) => (
        <div key={pair.amount} className="row">
          <TextField
            id={id(pair.amount)}
            type="number"
            inputMode="numeric"
            label={t(`settingsPolicies.deadlines.${pair.amount}`)}
            describedBy={pair.optional ? id("blank-help") : undefined}
            error={errors[pair.amount]?.message}
            registration={form.register(pair.amount)}
          />
          <SelectField
            id={id(pair.unit)}
            label={t(`settingsPolicies.deadlines.${pair.unit}`)}
            error={errors[pair.unit]?.message}
            registration={form.register(pair.unit)}
          >
            {pair.optional && <option value="">{t("settingsPolicies.deadlines.none")}</option>}
            {DEADLINE_UNITS.map((u) => (
              <option key={u} value={u}>
                {t(`settingsPolicies.unit.${u}`)}
              </option>
            ))}
          </SelectField>
        </div>
      ))}
      <CheckboxField
        id={id("pauseAllowed")}
        label={t("settingsPolicies.deadlines.pauseAllowed")}
        error={errors.pauseAllowed?.message}
        registration={form.register("pauseAllowed")}
      />
      {(["noteJa", "noteEn"] as const).map((field) => (
        <TextAreaField
          key={field}
          id={id(field)}
          label={t(`settingsPolicies.deadlines.${field}`)}
          error={errors[field]?.message}
          registration={form.register(field)}
        />
      ))}
    </>
  );
}
