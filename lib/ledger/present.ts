import type { Locale } from "@/lib/i18n/config";
import { countryName } from "@/lib/i18n/format";

import type { LedgerRow } from "./query";

export { countryName };

// One ledger entry in the reader's language: what the page, the CSV and the JSON all show.

export interface LedgerEntry {
  id: string;
  providedAt: Date;
  periodEnd: Date | null;
  recipient: { key: string; name: string; recipientClass: LedgerRow["recipientClass"] };
  items: string[];
  purpose: string;
  legalBasis: LedgerRow["legalBasis"];
  consentReference: string | null;
  scene: { key: string; name: string } | null;
  foreign: { country: string; countryName: string; regime: string; measures: string } | null;
  /** Opt-out provision (Art.27(2)): the recipient's address and representative (Art.29 record). */
  optOut: { address: string; representative: string } | null;
}

export function presentLedgerRow(row: LedgerRow, locale: Locale): LedgerEntry {
  const pick = (ja: string | null, en: string | null) => (locale === "ja" ? ja : en) ?? ja ?? "";
  // Processors are shown by the kind of work they do, not by company name.
  const processorCategory = pick(row.processorCategoryJa, row.processorCategoryEn);
  const name =
    row.recipientClass === "PROCESSOR" && processorCategory
      ? processorCategory
      : pick(row.recipientNameJa, row.recipientNameEn);
  return {
    id: row.id,
    providedAt: row.providedAt,
    periodEnd: row.periodEnd,
    recipient: { key: row.recipientKey, name, recipientClass: row.recipientClass },
    items: locale === "ja" ? row.itemsJa : row.itemsEn,
    purpose: pick(row.purposeNameJa, row.purposeNameEn),
    legalBasis: row.legalBasis,
    consentReference: row.consentReference,
    scene: row.sceneKey
      ? { key: row.sceneKey, name: pick(row.sceneNameJa, row.sceneNameEn) }
      : null,
    // Art.28: the country, its data-protection system and the recipient's measures.
    foreign: row.country
      ? {
          country: row.country,
          countryName: countryName(locale, row.country),
          regime: pick(row.regimeNoteJa, row.regimeNoteEn),
          measures: pick(row.measuresJa, row.measuresEn),
        }
      : null,
    optOut:
      row.legalBasis === "OPT_OUT"
        ? {
            address: row.recipientAddress ?? "",
            representative: row.recipientRepresentative ?? "",
          }
        : null,
  };
}

/**
 * A recipient as a person reads it: by name, except a processor, which is named by the kind of
 * work it does (the ledger, the package's supplement, the list of recipients told of a change).
 */
export function recipientDisplayName(
  r: {
    nameJa: string;
    nameEn: string;
    recipientClass: string;
    processorCategoryJa: string | null;
    processorCategoryEn: string | null;
  },
  locale: Locale,
): string {
  const pick = (ja: string | null, en: string | null) => (locale === "ja" ? ja : en) || ja || "";
  const processor = pick(r.processorCategoryJa, r.processorCategoryEn);
  return r.recipientClass === "PROCESSOR" && processor ? processor : pick(r.nameJa, r.nameEn);
}

/** The JSON export's shape of an entry: ISO instants, keys next to names. */
export function entryToJson(entry: LedgerEntry) {
  return {
    id: entry.id,
    providedAt: entry.providedAt.toISOString(),
    periodEnd: entry.periodEnd?.toISOString() ?? null,
    recipient: entry.recipient,
    items: entry.items,
    purpose: entry.purpose,
    legalBasis: entry.legalBasis,
    consentReference: entry.consentReference,
    scene: entry.scene,
    foreign: entry.foreign,
    optOut: entry.optOut,
  };
}
