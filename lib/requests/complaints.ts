import type { Jurisdiction, Outcome } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";

// Where a person may complain (APPI, GDPR Art.77, UK GDPR, CCPA, PIPA, LGPD): every refusal,
// partial refusal and extension tells them, with the authority of each law their request answers
// to, and that they may also go to court. Pure: the names and contacts are data
// (SupervisoryAuthority, lib/data/requests/complaint-authorities.ts).

/** Outcomes that refuse the person something, wholly or in part. */
const REFUSING: readonly Outcome[] = ["REFUSED", "PARTIALLY_FULFILLED", "UNVERIFIABLE"];

/** Whether the person must be told where to complain: a refusal of any kind, or an extension. */
export function complaintNoticeDue(outcome: Outcome | null, extended: boolean): boolean {
  return extended || (outcome !== null && REFUSING.includes(outcome));
}

/**
 * The authority keys to look up, one list per jurisdiction in order of preference: for the GDPR
 * the member state's own authority ("EU-FR"), then the EU fallback; elsewhere the jurisdiction.
 */
export function authorityKeys(
  jurisdictions: readonly Jurisdiction[],
  residenceCountry: string | null,
): string[][] {
  return jurisdictions.map((j) =>
    j === "EU" && residenceCountry ? [`EU-${residenceCountry}`, "EU"] : [j],
  );
}

/** From the rows found, one authority per jurisdiction, the first key of its list that exists. */
export function pickAuthorities<T extends { key: string }>(
  wanted: readonly string[][],
  rows: readonly T[],
): T[] {
  return wanted.flatMap((keys) => {
    const found = keys.map((k) => rows.find((r) => r.key === k)).find((r) => r !== undefined);
    return found ? [found] : [];
  });
}

/** An authority as a mail job carries it: both languages, so the mail is written in the reader's. */
export interface ComplaintAuthority {
  key: string;
  nameJa: string;
  nameEn: string;
  contactJa: string;
  contactEn: string;
  url: string;
}

/** The paragraph a mail or a letter ends with: each authority in the reader's language, and the courts. */
export function complaintParagraph(
  locale: Locale,
  authorities: readonly ComplaintAuthority[],
): string {
  const t = getTranslator(locale);
  const lines = authorities.map((a) => {
    const name = locale === "ja" ? a.nameJa : a.nameEn;
    const contact = locale === "ja" ? a.contactJa : a.contactEn;
    return `- ${name}${contact ? ` ${t("complaints.contact", { contact })}` : ""} ${a.url}`;
  });
  return `${t("complaints.mailHeader")}\n${lines.join("\n")}\n${t("complaints.court")}`;
}
