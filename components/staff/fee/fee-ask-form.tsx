"use client";

import { useForm } from "@/components/forms/use-form";
import { SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
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
  const { errors } = form.formState;
  const { failure, onSubmit, pending } = useActionForm(form, askForFee);
  const basisField = form.register("basis");
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="fee-title" data-testid="fee-ask-form">
      <SelectField
        id="fee-basis"
        label={t("fees.basis")}
        error={errors.basis?.message}
        registration={{
          ...basisField,
          onChange: async (event) => {
            await basisField.onChange(event);
            // Each basis proposes its own amount and currency (the published fee, in yen).
            const chosen = bases.find((b) => b.basis === (event.target as HTMLSelectElement).value);
            if (chosen) {
              form.setValue("currency", chosen.currency);
              form.setValue("amount", toMajorUnits(chosen.amountMinor, chosen.currency));
            }
          },
        }}
      >
        {bases.map((b) => (
          <option key={b.basis} value={b.basis}>
            {b.label}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="fee-currency"
        label={t("fees.currency")}
        error={errors.currency?.message}
        registration={form.register("currency")}
      >
        {CURRENCIES.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </SelectField>
      <TextField
        id="fee-amount"
        label={t("fees.amount")}
        hint={t("fees.amountHint")}
        error={errors.amount?.message}
        inputMode="decimal"
        autoComplete="off"
        registration={form.register("amount")}
      />
      <TextAreaField
        id="fee-instructions"
        label={t("fees.instructions")}
        hint={t("fees.instructionsHint")}
        error={errors.instructions?.message}
        registration={form.register("instructions")}
      />
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={pending} pendingLabel={t("fees.asking")}>
        {t("fees.ask")}
      </SubmitButton>
    </form>
  );
}
