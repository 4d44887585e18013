import { jstDate } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

import type { LedgerEntry } from "./present";

// CSV for the ledger export: RFC 4180 quoting, CRLF line ends, UTF-8 with a byte-order mark so
// Excel reads Japanese, and formula-looking cells neutralised (CSV injection).

export const CSV_BOM = "\uFEFF";

export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  // A cell starting with = + - @ (or a tab/CR) would run as a formula in a spreadsheet.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: readonly (string | number | null | undefined)[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

export { jstDate };

export function ledgerCsvHeader(t: Translate): string {
  return csvLine([
    t("ledger.csv.providedAt"),
    t("ledger.csv.periodEnd"),
    t("ledger.csv.recipient"),
    t("ledger.csv.recipientClass"),
    t("ledger.csv.items"),
    t("ledger.csv.purpose"),
    t("ledger.csv.legalBasis"),
    t("ledger.csv.consentReference"),
    t("ledger.csv.scene"),
    t("ledger.csv.country"),
    t("ledger.csv.regime"),
    t("ledger.csv.measures"),
    t("ledger.csv.recipientAddress"),
    t("ledger.csv.recipientRepresentative"),
  ]);
}

export function ledgerCsvRow(entry: LedgerEntry, t: Translate): string {
  return csvLine([
    jstDate(entry.providedAt),
    entry.periodEnd ? jstDate(entry.periodEnd) : "",
    entry.recipient.name,
    t(`recipientClass.${entry.recipient.recipientClass}`),
    entry.items.join(" / "),
    entry.purpose,
    t(`ledger.legalBasis.${entry.legalBasis}`),
    entry.consentReference,
    entry.scene?.name,
    entry.foreign?.countryName,
    entry.foreign?.regime,
    entry.foreign?.measures,
    entry.optOut?.address,
    entry.optOut?.representative,
  ]);
}
