"use client";

import { useForm } from "react-hook-form";

import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { askForFee } from "@/lib/actions/staff/ask-for-fee";
import {
  FEE_CURRENCIES,
  toMajorUnits,
  type TFeeBasis,
  type TFeeCurrency,
} from "@/lib/requests/fees";
import type { TAskForFee } from "@/lib/validation/fees";

const FIELDS = ["basis", "currency", "amount", "instructions"] as const;
const CURRENCIES = Object.keys(FEE_CURRENCIES) as TFeeCurrency[];

/** Staff ask the requester for a fee on a basis the law allows; the request then waits for it. */
export function FeeAskForm(props: {
  reference: string;
  bases: { basis: TFeeBasis; label: string; amountMinor: number | null; currency: TFeeCurrency }[];
}) {
  const { reference, bases } = props;
  const { t } = useI18n();
  const first = bases[0]!;
  const form = useForm<TAskForFee>({
    resolver: lazyResolver(() => import("@/lib/validation/fees").then((m) => m.ZAskForFee)),
    defaultValues: {
      reference,
      basis: first.basis,
      currency: first.currency,
      amount: toMajorUnits(first.amountMinor, first.currency),
      instructions: "",
    },
  });
  const { errors, isSubmitting } = form.formState;
  const { state, onSubmit } = useActionForm(form, FIELDS, askForFee);
  const describe = (field: (typeof FIELDS)[number], hint?: string) => {
    const ids = [hint, errors[field] ? `fee-${field}-error` : undefined].filter(Boolean);
    return {
      "aria-invalid": errors[field] ? true : undefined,
      "aria-describedby": ids.length > 0 ? ids.join(" ") : undefined,
    };
  };
  const basisField = form.register("basis");
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="fee-title" data-testid="fee-ask-form">
      <div className="field">
        <label htmlFor="fee-basis">{t("fees.basis")}</label>
        <select
          id="fee-basis"
          {...describe("basis")}
          {...basisField}
          onChange={(event) => {
            void basisField.onChange(event);
            // Each basis proposes its own amount and currency (the published fee, in yen).
            const chosen = bases.find((b) => b.basis === event.target.value);
            if (chosen) {
              form.setValue("currency", chosen.currency);
              form.setValue("amount", toMajorUnits(chosen.amountMinor, chosen.currency));
            }
          }}
        >
          {bases.map((b) => (
            <option key={b.basis} value={b.basis}>
              {b.label}
            </option>
          ))}
        </select>
        <FieldError id="fee-basis-error" message={errors.basis?.message} />
      </div>
      <div className="field">
        <label htmlFor="fee-currency">{t("fees.currency")}</label>
        <select id="fee-currency" {...describe("currency")} {...form.register("currency")}>
          {CURRENCIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <FieldError id="fee-currency-error" message={errors.currency?.message} />
      </div>
      <div className="field">
        <label htmlFor="fee-amount">{t("fees.amount")}</label>
        <input
          id="fee-amount"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          {...describe("amount", "fee-amount-hint")}
          {...form.register("amount")}
        />
        <p className="help" id="fee-amount-hint">
          {t("fees.amountHint")}
        </p>
        <FieldError id="fee-amount-error" message={errors.amount?.message} />
      </div>
      <div className="field">
        <label htmlFor="fee-instructions">{t("fees.instructions")}</label>
        <textarea
          id="fee-instructions"
          rows={3}
          {...describe("instructions", "fee-instructions-hint")}
          {...form.register("instructions")}
        />
        <p className="help" id="fee-instructions-hint">
          {t("fees.instructionsHint")}
        </p>
        <FieldError id="fee-instructions-error" message={errors.instructions?.message} />
      </div>
      <FormAlert error={state.error} errorId={state.errorId} />
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("fees.asking") : t("fees.ask")}
      </button>
    </form>
  );
}
