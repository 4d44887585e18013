"use client";

import type { UseFormReturn } from "react-hook-form";
import type { z } from "zod";

import { FieldError } from "@/components/forms/field-error";
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

/** The rule's fields, shared by the edit form of each policy and the form that adds one. */
export function PolicyFields({ form, prefix }: { form: PolicyForm; prefix: string }) {
  const { t } = useI18n();
  const { errors } = form.formState;
  const id = (field: string) => `${prefix}-${field}`;
  const describe = (field: keyof PolicyFormInput, help?: string) =>
    [help, errors[field] ? id(`${field}-error`) : undefined].filter(Boolean).join(" ") || undefined;

  return (
    <>
      <p id={id("blank-help")} className="help">
        {t("settingsPolicies.deadlines.blankHelp")}
      </p>
      {PAIRS.map((pair) => (
        <div key={pair.amount} className="row">
          <div className="field">
            <label htmlFor={id(pair.amount)}>
              {t(`settingsPolicies.deadlines.${pair.amount}`)}
            </label>
            <input
              id={id(pair.amount)}
              type="number"
              inputMode="numeric"
              aria-invalid={errors[pair.amount] ? true : undefined}
              aria-describedby={describe(pair.amount, pair.optional ? id("blank-help") : undefined)}
              {...form.register(pair.amount)}
            />
            <FieldError id={id(`${pair.amount}-error`)} message={errors[pair.amount]?.message} />
          </div>
          <div className="field">
            <label htmlFor={id(pair.unit)}>{t(`settingsPolicies.deadlines.${pair.unit}`)}</label>
            <select
              id={id(pair.unit)}
              aria-invalid={errors[pair.unit] ? true : undefined}
              aria-describedby={describe(pair.unit)}
              {...form.register(pair.unit)}
            >
              {pair.optional && <option value="">{t("settingsPolicies.deadlines.none")}</option>}
              {DEADLINE_UNITS.map((u) => (
                <option key={u} value={u}>
                  {t(`settingsPolicies.unit.${u}`)}
                </option>
              ))}
            </select>
            <FieldError id={id(`${pair.unit}-error`)} message={errors[pair.unit]?.message} />
          </div>
        </div>
      ))}
      <div className="field">
        <label className="choice">
          <input
            type="checkbox"
            aria-invalid={errors.pauseAllowed ? true : undefined}
            aria-describedby={describe("pauseAllowed")}
            {...form.register("pauseAllowed")}
          />
          {t("settingsPolicies.deadlines.pauseAllowed")}
        </label>
        <FieldError id={id("pauseAllowed-error")} message={errors.pauseAllowed?.message} />
      </div>
      {(["noteJa", "noteEn"] as const).map((field) => (
        <div key={field} className="field">
          <label htmlFor={id(field)}>{t(`settingsPolicies.deadlines.${field}`)}</label>
          <textarea
            id={id(field)}
            rows={3}
            aria-invalid={errors[field] ? true : undefined}
            aria-describedby={describe(field)}
            {...form.register(field)}
          />
          <FieldError id={id(`${field}-error`)} message={errors[field]?.message} />
        </div>
      ))}
    </>
  );
}
