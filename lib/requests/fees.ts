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
