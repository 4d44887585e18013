import type { Translate } from "@/lib/i18n/translate";
import type { LedgerEntry } from "@/lib/ledger/present";

/**
 * The Art.28 information (country, that country's data-protection system, the recipient's
 * measures) once per foreign recipient on the page; entries link here instead of repeating it.
 */
export function ForeignNotes(props: { entries: LedgerEntry[]; t: Translate }) {
  const { t } = props;
  const seen = new Map<string, LedgerEntry>();
  for (const e of props.entries)
    if (e.foreign && !seen.has(e.recipient.key)) seen.set(e.recipient.key, e);
  if (seen.size === 0) return null;
  return (
    <section aria-labelledby="foreign-notes-title">
      <h2 id="foreign-notes-title">{t("ledger.foreign.notesTitle")}</h2>
      <p>{t("ledger.foreign.notesHelp")}</p>
      {[...seen.values()].map((e) => (
        <div key={e.recipient.key} id={`foreign-${e.recipient.key}`} className="panel">
          <h3>{e.recipient.name}</h3>
          <dl className="facts">
            <dt>{t("ledger.foreign.country")}</dt>
            <dd>{e.foreign!.countryName}</dd>
            <dt>{t("ledger.foreign.regime")}</dt>
            <dd>{e.foreign!.regime}</dd>
            <dt>{t("ledger.foreign.measures")}</dt>
            <dd>{e.foreign!.measures}</dd>
          </dl>
        </div>
      ))}
    </section>
  );
}
