import type { RequestType } from "@/lib/generated/prisma/enums";

import type { JurisdictionCode } from "./jurisdiction";

// Fees per law. APPI Art.38 lets a business charge a reasonable fee for disclosure and for purpose
// notification (the organisation configures those two; provision records are free here); PIPA Art.38(3) allows one too. The
// GDPR and UK GDPR (Art.12(5), Art.15(3): the first copy is free), the CCPA (§1798.100(d), free of
// charge) and the LGPD (Art.18 §5, free of charge) do not: where any of those applies, the request
// is free. Pure.

/** The request types the organisation may charge for, and which configured fee applies. */
const FEE_OF: Partial<Record<RequestType, "disclosureFeeYen" | "purposeNotificationFeeYen">> = {
  DISCLOSURE: "disclosureFeeYen",
  PURPOSE_NOTIFICATION: "purposeNotificationFeeYen",
};

const FEE_ALLOWED: readonly JurisdictionCode[] = ["JP", "KR"];

export interface Fees {
  disclosureFeeYen: number;
  purposeNotificationFeeYen: number;
}

/** The laws among these that make the request free. */
export function feeWaivedBy(jurisdictions: readonly JurisdictionCode[]): JurisdictionCode[] {
  return jurisdictions.filter((j) => !FEE_ALLOWED.includes(j));
}

/**
 * What this request costs under these laws: the configured fee for its type, or nothing where
 * the type has no fee, none is configured, or a law that applies makes it free (`waivedBy`).
 */
export function feeFor(
  type: RequestType,
  jurisdictions: readonly JurisdictionCode[],
  fees: Fees,
): { yen: number; waivedBy: JurisdictionCode[] } {
  const field = FEE_OF[type];
  const configured = field ? fees[field] : 0;
  if (configured === 0) return { yen: 0, waivedBy: [] };
  const waivedBy = feeWaivedBy(jurisdictions);
  return { yen: waivedBy.length > 0 ? 0 : configured, waivedBy };
}

// Asking for a fee (the request waits at AWAITING_FEE until staff record it paid or waive it).
// A basis is offered when a law that applies provides it and every law that applies lets this
// request be charged:
// - CONFIGURED: APPI Art.38 and PIPA Art.38(3), the organisation's published fee, for the types
//   it set a fee for (feeFor); the GDPR, UK GDPR, CCPA and LGPD make those requests free.
// - UNFOUNDED_OR_EXCESSIVE: a reasonable fee instead of refusing a manifestly unfounded or
//   excessive request (GDPR and UK GDPR Art.12(5)(a), CCPA §1798.145(h)(3)).
// - FURTHER_COPIES: a reasonable fee for copies beyond the first (GDPR and UK GDPR Art.15(3)).
// APPI and PIPA allow a fee only for purpose notification, disclosure and provision records; the
// LGPD never (Art.18 §5).

export const FEE_BASES = ["CONFIGURED", "UNFOUNDED_OR_EXCESSIVE", "FURTHER_COPIES"] as const;
export type TFeeBasis = (typeof FEE_BASES)[number];

const PROVIDED_BY: Record<TFeeBasis, readonly JurisdictionCode[]> = {
  CONFIGURED: ["JP", "KR"],
  UNFOUNDED_OR_EXCESSIVE: ["EU", "UK", "US_CA"],
  FURTHER_COPIES: ["EU", "UK"],
};

const CHARGEABLE_UNDER_APPI: readonly RequestType[] = [
  "PURPOSE_NOTIFICATION",
  "DISCLOSURE",
  "PROVISION_RECORDS",
];

function permits(law: JurisdictionCode, basis: TFeeBasis, type: RequestType): boolean {
  switch (law) {
    case "JP":
    case "KR":
      return CHARGEABLE_UNDER_APPI.includes(type);
    case "EU":
    case "UK":
      return (
        basis === "UNFOUNDED_OR_EXCESSIVE" || (basis === "FURTHER_COPIES" && type === "DISCLOSURE")
      );
    case "US_CA":
      return basis === "UNFOUNDED_OR_EXCESSIVE";
    case "BR":
      return false;
  }
}

/** The bases on which a fee may be asked for this request under these laws, in the form's order. */
export function feeBases(
  type: RequestType,
  jurisdictions: readonly JurisdictionCode[],
  fees: Fees,
): TFeeBasis[] {
  const laws = jurisdictions.length > 0 ? jurisdictions : (["JP"] as const);
  return FEE_BASES.filter(
    (basis) =>
      laws.some((law) => PROVIDED_BY[basis].includes(law)) &&
      laws.every((law) => permits(law, basis, type)) &&
      (basis !== "CONFIGURED" || feeFor(type, laws, fees).yen > 0),
  );
}

/** The currencies a fee may be asked in, with their minor-unit digits (ISO 4217). */
export const FEE_CURRENCIES = { JPY: 0, GBP: 2, EUR: 2, USD: 2, KRW: 0 } as const;
export type TFeeCurrency = keyof typeof FEE_CURRENCIES;

const CURRENCY_OF: Record<JurisdictionCode, TFeeCurrency> = {
  JP: "JPY",
  EU: "EUR",
  UK: "GBP",
  US_CA: "USD",
  KR: "KRW",
  BR: "JPY",
};

/**
 * The amount the form proposes: the configured fee in yen; otherwise nothing (staff set a
 * reasonable amount) in the currency of the first law that provides the basis.
 */
export function proposedFee(
  basis: TFeeBasis,
  type: RequestType,
  jurisdictions: readonly JurisdictionCode[],
  fees: Fees,
): { amountMinor: number | null; currency: TFeeCurrency } {
  if (basis === "CONFIGURED")
    return { amountMinor: feeFor(type, jurisdictions, fees).yen, currency: "JPY" };
  const law = jurisdictions.find((j) => PROVIDED_BY[basis].includes(j));
  return { amountMinor: null, currency: law ? CURRENCY_OF[law] : "JPY" };
}

/** A user's decimal amount ("12.50") in minor units, or null when it does not fit the currency. */
export function toMinorUnits(amount: string, currency: TFeeCurrency): number | null {
  const digits = FEE_CURRENCIES[currency];
  const match = /^(\d{1,9})(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) return null;
  const fraction = match[2] ?? "";
  if (fraction.length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}

/** Minor units as the amount field shows them ("1000", "10.00"); empty when there is none. */
export function toMajorUnits(amountMinor: number | null, currency: TFeeCurrency): string {
  if (amountMinor === null) return "";
  const digits = FEE_CURRENCIES[currency];
  return (amountMinor / 10 ** digits).toFixed(digits);
}
