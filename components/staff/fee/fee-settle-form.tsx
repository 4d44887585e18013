"use client";

import { useForm } from "@/components/forms/use-form";
import { Choice, ChoiceGroup, TextField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { settleFee } from "@/lib/actions/staff/settle-fee";
import { FEE_SETTLEMENTS } from "@/lib/validation/choices";
import type { TSettleFee } from "@/lib/validation/fees";

/** Records the fee asked for as paid (on the day it arrived) or waived: the request resumes. */
export function FeeSettleForm({ reference }: { reference: string }) {
  const { t } = useI18n();
  const form = useForm<TSettleFee>({
    resolver: lazyResolver(() => import("@/lib/validation/fees").then((m) => m.ZSettleFee)),
    // Today in the browser's calendar; staff correct it when the payment came earlier.
    defaultValues: { reference, settlement: "PAID", receivedOn: localToday() },
  });
  const { errors } = form.formState;
  const { failure, onSubmit, pending } = useActionForm(form, settleFee, {
    fields: ["settlement", "receivedOn"],
  });
  const settlement = form.watch("settlement");
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="fee-title" data-testid="fee-settle-form">
      <ChoiceGroup
        id="fee-settlement"
        legend={t("fees.settlement")}
        error={errors.settlement?.message}
      >
        {FEE_SETTLEMENTS.map((s) => (
          <Choice
            key={s}
            type="radio"
            value={s}
            label={s === "PAID" ? t("fees.paid") : t("fees.waived")}
            registration={form.register("settlement")}
          />
        ))}
      </ChoiceGroup>
      {settlement === "PAID" && (
        <TextField
          id="fee-receivedOn"
          type="date"
          label={t("fees.receivedOn")}
          error={errors.receivedOn?.message}
          registration={form.register("receivedOn")}
        />
      )}
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={pending}>{t("fees.settle")}</SubmitButton>
    </form>
  );
}

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
