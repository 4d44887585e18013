"use client";

import { useForm } from "react-hook-form";

import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { settleFee } from "@/lib/actions/staff/settle-fee";
import { FEE_SETTLEMENTS } from "@/lib/validation/choices";
import type { TSettleFee } from "@/lib/validation/fees";

const FIELDS = ["settlement", "receivedOn"] as const;

/** Records the fee asked for as paid (on the day it arrived) or waived: the request resumes. */
export function FeeSettleForm({ reference }: { reference: string }) {
  const { t } = useI18n();
  const form = useForm<TSettleFee>({
    resolver: lazyResolver(() => import("@/lib/validation/fees").then((m) => m.ZSettleFee)),
    // Today in the browser's calendar; staff correct it when the payment came earlier.
    defaultValues: { reference, settlement: "PAID", receivedOn: localToday() },
  });
  const { errors, isSubmitting } = form.formState;
  const { state, onSubmit } = useActionForm(form, FIELDS, settleFee);
  const settlement = form.watch("settlement");
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="fee-title" data-testid="fee-settle-form">
      <fieldset className="field">
        <legend>{t("fees.settlement")}</legend>
        {FEE_SETTLEMENTS.map((s) => (
          <label className="choice" key={s}>
            <input type="radio" value={s} {...form.register("settlement")} />{" "}
            {s === "PAID" ? t("fees.paid") : t("fees.waived")}
          </label>
        ))}
      </fieldset>
      {settlement === "PAID" && (
        <div className="field">
          <label htmlFor="fee-receivedOn">{t("fees.receivedOn")}</label>
          <input
            id="fee-receivedOn"
            type="date"
            aria-invalid={errors.receivedOn ? true : undefined}
            aria-describedby={errors.receivedOn ? "fee-receivedOn-error" : undefined}
            {...form.register("receivedOn")}
          />
          <FieldError id="fee-receivedOn-error" message={errors.receivedOn?.message} />
        </div>
      )}
      <FormAlert error={state.error} errorId={state.errorId} />
      <button type="submit" disabled={isSubmitting}>
        {t("fees.settle")}
      </button>
    </form>
  );
}

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
