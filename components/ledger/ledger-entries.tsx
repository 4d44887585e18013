import { StackTable } from "@/components/ui/stack-table";
import { markup } from "@/lib/html/markup";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { LedgerEntry } from "@/lib/ledger/present";

function entryRows(entries: LedgerEntry[], locale: Locale, t: Translate): string {
  const date = (d: Date) => formatDate(locale, d);
  const separator = locale === "ja" ? "、" : ", ";
  return entries
    .map((e) => {
      const when = e.periodEnd
        ? t("ledger.period", { from: date(e.providedAt), to: date(e.periodEnd) })
        : date(e.providedAt);
      const recipientClass =
        e.recipient.recipientClass === "PROCESSOR"
          ? t("ledger.processorNote")
          : t(`recipientClass.${e.recipient.recipientClass}`);
      const foreign =
        e.foreign &&
        markup`<div data-foreign="${e.foreign.country}"><small>${t("ledger.foreign.country")}: ${e.foreign.countryName} (<a href="#foreign-${e.recipient.key}">${t("ledger.foreign.seeNotes")}</a>)</small></div>`;
      // Art.29: opt-out provision names the recipient's address and representative.
      const optOut =
        e.optOut &&
        markup`<div data-opt-out><small>${t("ledger.optOutRecipient", { address: e.optOut.address || "—", representative: e.optOut.representative || "—" })}</small></div>`;
      const consent =
        e.consentReference &&
        markup`<div><small>${t("ledger.consentRef", { reference: e.consentReference })}</small></div>`;
      return markup`<tr data-entry="${e.id}" data-recipient="${e.recipient.key}"><td>${when}</td><td>${e.recipient.name}<div><small>${recipientClass}</small></div>${foreign}${optOut}</td><td>${e.items.join(separator)}</td><td>${e.purpose}</td><td>${t(`ledger.legalBasis.${e.legalBasis}`)}${consent}</td><td>${e.scene?.name ?? "—"}</td></tr>`
        .value;
    })
    .join("");
}

/** The ledger entries as a table; foreign recipients link to their Art.28 notes (ForeignNotes). */
export function LedgerEntries(props: { entries: LedgerEntry[]; locale: Locale; t: Translate }) {
  const { entries, locale, t } = props;
  const columns = [
    t("ledger.column.date"),
    t("ledger.column.recipient"),
    t("ledger.column.items"),
    t("ledger.column.purpose"),
    t("ledger.column.legalBasis"),
    t("ledger.column.scene"),
  ];
  return (
    // The rows built as one escaped string: see lib/html/markup.ts.
    <StackTable
      labelledBy="ledger-results-title"
      className="timeline-on-phone"
      columns={columns}
      bodyHtml={entryRows(entries, locale, t)}
    />
  );
}
