import "server-only";

import { getDb } from "@/lib/db";
import type { Fees } from "@/lib/requests/fees";
import type { JurisdictionCode } from "@/lib/requests/jurisdiction";

/**
 * What the request form needs to say whether a request costs anything: the organisation's fees
 * (public, on the transparency page too) and its establishments, whose law always applies.
 */
export async function getFeeTerms(): Promise<Fees & { establishments: JurisdictionCode[] }> {
  const org = await getDb().organisation.findUnique({
    where: { id: "org" },
    select: { disclosureFeeYen: true, purposeNotificationFeeYen: true, establishments: true },
  });
  return org ?? { disclosureFeeYen: 0, purposeNotificationFeeYen: 0, establishments: ["JP"] };
}
