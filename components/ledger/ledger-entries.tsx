import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { LedgerEntry } from "@/lib/ledger/present";

/** The ledger entries as a table; foreign recipients link to their Art.28 notes (ForeignNotes). */
export function LedgerEntries(props: { entries: LedgerEntry[]; locale: Locale; t: Translate }) {
  const { entries, locale, t } = props;
  return (
    <table aria-labelledby="ledger-results-title">
      <thead>
        <tr>
          <th scope="col">{t("ledger.column.date")}</th>
          <th scope="col">{t("ledger.column.recipient")}</th>
          <th scope="col">{t("ledger.column.items")}</th>
          <th scope="col">{t("ledger.column.purpose")}</th>
          <th scope="col">{t("ledger.column.legalBasis")}</th>
          <th scope="col">{t("ledger.column.scene")}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} data-entry={e.id} data-recipient={e.recipient.key}>
            <td>
              {e.periodEnd
                ? t("ledger.period", {
                    from: formatDate(locale, e.providedAt),
                    to: formatDate(locale, e.periodEnd),
                  })
                : formatDate(locale, e.providedAt)}
            </td>
            <td>
              {e.recipient.name}
              <div>
                <small>
                  {e.recipient.recipientClass === "PROCESSOR"
                    ? t("ledger.processorNote")
                    : t(`recipientClass.${e.recipient.recipientClass}`)}
                </small>
              </div>
              {e.foreign && (
                <div data-foreign={e.foreign.country}>
                  <small>
                    {t("ledger.foreign.country")}: {e.foreign.countryName} (
                    <a href={`#foreign-${e.recipient.key}`}>{t("ledger.foreign.seeNotes")}</a>)
                  </small>
                </div>
              )}
            </td>
            <td>{e.items.join(locale === "ja" ? "、" : ", ")}</td>
            <td>{e.purpose}</td>
            <td>
              {t(`ledger.legalBasis.${e.legalBasis}`)}
              {e.consentReference && (
                <div>
                  <small>{t("ledger.consentRef", { reference: e.consentReference })}</small>
                </div>
              )}
            </td>
            <td>{e.scene?.name ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
