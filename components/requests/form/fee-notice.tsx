"use client";

import { useFormContext } from "react-hook-form";

import { type TRequestType } from "@/lib/requests/vocabulary";
import { useI18n } from "@/components/i18n/i18n-provider";
import { feeFor, type Fees } from "@/lib/requests/fees";
import { jurisdictionsFor, toResidence, type JurisdictionCode } from "@/lib/requests/jurisdiction";

import type { FormValues } from "./form-values";

/**
 * Whether this request costs anything, as the residence chosen above makes it: APPI's fee, or
 * free where the person's law says so (lib/requests/fees.ts). Nothing when nothing is charged.
 */
export function FeeNotice(props: {
  type: TRequestType;
  fees: Fees;
  establishments: readonly JurisdictionCode[];
}) {
  const { locale, t } = useI18n();
  const residence = useFormContext<FormValues>().watch("residence");
  const laws = jurisdictionsFor(
    toResidence(residence.country, residence.region),
    props.establishments,
  ).map((l) => l.jurisdiction);
  const fee = feeFor(props.type, laws, props.fees);
  if (fee.yen === 0 && fee.waivedBy.length === 0) return null;
  return (
    <p className="notice" data-testid="fee-notice" aria-live="polite">
      {fee.yen > 0
        ? t("requestForm.fee.charged", {
            amount: fee.yen.toLocaleString(locale === "ja" ? "ja-JP" : "en-GB"),
          })
        : t("requestForm.fee.waived", {
            laws: fee.waivedBy
              .map((j) => t(`requestForm.fee.law.${j as "EU"}`))
              .join(locale === "ja" ? "、" : ", "),
          })}
    </p>
  );
}
