import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { ReceiptEntry } from "@/lib/ledger/receipts";

/**
 * The person's receipt records (APPI Art.30): who provided their data, how that provider obtained
 * it, when, and which items. One card per record, readable at any width.
 */
export function ReceiptList(props: {
  receipts: ReceiptEntry[];
  /** The page shows the newest only; the downloads hold them all. */
  truncated: boolean;
  locale: Locale;
  t: Translate;
}) {
  const { receipts, locale, t } = props;
  const separator = locale === "ja" ? "、" : ", ";
  return (
    <section aria-labelledby="ledger-receipts-title">
      <h2 id="ledger-receipts-title">{t("ledger.receipts.title")}</h2>
      <p>{t("ledger.receipts.intro")}</p>
      {props.truncated && (
        <p role="note">{t("ledger.receipts.truncated", { count: receipts.length })}</p>
      )}
      {receipts.length === 0 ? (
        <p>{t("ledger.receipts.empty")}</p>
      ) : (
        <ul className="cards">
          {receipts.map((r) => (
            <li key={r.id} className="panel" data-receipt={r.id}>
              <h3>{r.provider.name}</h3>
              <dl className="facts">
                <dt>{t("ledger.receipts.column.date")}</dt>
                <dd>{formatDate(locale, r.receivedAt)}</dd>
                <dt>{t("ledger.receipts.column.provider")}</dt>
                <dd>
                  {r.provider.address}
                  {r.provider.representative && (
                    <div>
                      <small>
                        {t("ledger.receipts.representative", { name: r.provider.representative })}
                      </small>
                    </div>
                  )}
                </dd>
                <dt>{t("ledger.receipts.column.acquisition")}</dt>
                <dd>{r.acquisitionMethod}</dd>
                <dt>{t("ledger.receipts.column.items")}</dt>
                <dd>{r.items.join(separator)}</dd>
                <dt>{t("ledger.receipts.column.legalBasis")}</dt>
                <dd>{t(`ledger.legalBasis.${r.legalBasis}`)}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
