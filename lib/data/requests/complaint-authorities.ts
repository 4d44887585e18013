import "server-only";

import { getDb, type Db, type Tx } from "@/lib/db";
import type { Jurisdiction } from "@/lib/generated/prisma/enums";
import { authorityKeys, pickAuthorities, type ComplaintAuthority } from "@/lib/requests/complaints";

/** An authority's columns, as a request's notice, the settings and the transparency page read them. */
export const AUTHORITY_FIELDS = {
  key: true,
  jurisdiction: true,
  nameJa: true,
  nameEn: true,
  contactJa: true,
  contactEn: true,
  url: true,
} as const;

/**
 * The supervisory authorities of a request's jurisdictions, one per jurisdiction (the member
 * state's own for the GDPR where it is on file, else the EU's list), in the request's order.
 */
export async function complaintAuthorities(
  db: Pick<Db, "supervisoryAuthority"> | Pick<Tx, "supervisoryAuthority"> = getDb(),
  request: { jurisdictions: readonly Jurisdiction[]; residenceCountry: string | null },
): Promise<ComplaintAuthority[]> {
  const wanted = authorityKeys(request.jurisdictions, request.residenceCountry);
  const rows = await db.supervisoryAuthority.findMany({
    where: { key: { in: wanted.flat() } },
    select: AUTHORITY_FIELDS,
  });
  return pickAuthorities(wanted, rows).map(({ jurisdiction: _, ...authority }) => authority);
}
