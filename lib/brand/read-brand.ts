import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";

// The organisation's brand as everyone sees it (white-label, issue 15): every page's header and
// footer, mails and documents. Public facts of the organisation, so no actor; no "server-only",
// because the job worker (mails) runs outside Next.js. Managers write it in lib/data/brand/brand.ts.

const ORG = "org";

/** What the public sees of the brand: plain JSON (no Dates), so pages may cache it. */
export interface Brand {
  /** The portal's own name per language; null where the catalogue's name is used. */
  portalName: Record<Locale, string | null>;
  organisationName: Record<Locale, string>;
  department: Record<Locale, string>;
  address: Record<Locale, string>;
  contactEmail: string;
  contactPhone: string;
  /** #rrggbb, or null for the stylesheet's default. */
  colour: string | null;
  /** The logo's version (ms since epoch) for its URL, or null when the portal's own is used. */
  logoVersion: number | null;
}

export const BRAND_SELECT = {
  nameJa: true,
  nameEn: true,
  portalNameJa: true,
  portalNameEn: true,
  departmentJa: true,
  departmentEn: true,
  addressJa: true,
  addressEn: true,
  contactEmail: true,
  contactPhone: true,
  brandColor: true,
  logoUpdatedAt: true,
} as const;

const orNull = (s: string) => (s === "" ? null : s);

/** The brand as everyone sees it (public facts of the organisation; no actor needed). */
export async function readBrand(): Promise<Brand> {
  return brandOf(await readOrganisation());
}

/** The brand of an organisation's row; with none, the portal's own (the catalogue's name). */
export function brandOf(org: Awaited<ReturnType<typeof readOrganisation>>): Brand {
  return {
    portalName: { ja: orNull(org?.portalNameJa ?? ""), en: orNull(org?.portalNameEn ?? "") },
    organisationName: { ja: org?.nameJa ?? "", en: org?.nameEn ?? "" },
    department: { ja: org?.departmentJa ?? "", en: org?.departmentEn ?? "" },
    address: { ja: org?.addressJa ?? "", en: org?.addressEn ?? "" },
    contactEmail: org?.contactEmail ?? "",
    contactPhone: org?.contactPhone ?? "",
    colour: orNull(org?.brandColor ?? ""),
    logoVersion: org?.logoUpdatedAt?.getTime() ?? null,
  };
}

function readOrganisation() {
  return getDb().organisation.findUnique({ where: { id: ORG }, select: BRAND_SELECT });
}

/** The uploaded logo's bytes and type, or null (the route then sends the portal's own). */
export async function readLogo(): Promise<{ bytes: Uint8Array; type: string } | null> {
  const org = await getDb().organisation.findUnique({
    where: { id: ORG },
    select: { logo: true, logoType: true },
  });
  return org?.logo && org.logoType ? { bytes: org.logo, type: org.logoType } : null;
}
