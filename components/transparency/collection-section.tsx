import { StackTable } from "@/components/ui/stack-table";
import type { Transparency } from "@/lib/data/transparency/get-transparency";
import type { Translate } from "@/lib/i18n/translate";

import { Section } from "./section";

const WAYS = ["DIRECT", "AUTOMATIC", "THIRD_PARTY", "PUBLIC"] as const;
const CLASSES = ["ORDINARY", "SENSITIVE", "INFORMATIVE"] as const;

/**
 * What is collected, by class (APPI: ordinary, 要配慮, informative), how it is obtained and how
 * long it is kept (the notice's elements 5.3.5 and 5.3.9).
 */
export function CollectionSection({ data, t }: { data: Transparency; t: Translate }) {
  return (
    <Section id="collection" t={t}>
      <p>{t("transparency.collection.intro")}</p>
      <dl>
        {WAYS.map((way) => [
          <dt key={`${way}-term`}>{t(`transparency.collection.way.${way}`)}</dt>,
          <dd key={`${way}-help`}>{t(`transparency.collection.wayHelp.${way}`)}</dd>,
        ])}
      </dl>
      <p>{t("transparency.collection.classesIntro")}</p>
      {CLASSES.map((dataClass) => {
        const rows = data.categories.filter((c) => c.dataClass === dataClass);
        if (rows.length === 0) return null;
        const described = rows.some((c) => c.description);
        const kept = rows.some((c) => c.retention);
        return (
          <section key={dataClass} aria-labelledby={`class-${dataClass}`}>
            <h3 id={`class-${dataClass}`}>{t(`dataClass.${dataClass}`)}</h3>
            <p>{t(`transparency.collection.classHelp.${dataClass}`)}</p>
            {/* One card per category on a phone: four columns left "how we obtain it" a few
                characters wide there. */}
            <StackTable
              caption={t("transparency.collection.caption", {
                dataClass: t(`dataClass.${dataClass}`),
              })}
              columns={[
                t("transparency.collection.colCategory"),
                ...(described ? [t("transparency.collection.colDescription")] : []),
                t("transparency.collection.colWays"),
                ...(kept ? [t("transparency.collection.colRetention")] : []),
              ]}
            >
              {rows.map((c) => (
                <tr key={c.key} data-category={c.key}>
                  <th scope="row">{c.name}</th>
                  {described && <td>{c.description}</td>}
                  <td>
                    {c.sources.length === 0 ? (
                      t("transparency.collection.notHeld")
                    ) : (
                      <ul>
                        {c.sources.map((s) => (
                          <li key={s.source}>{t(`transparency.collection.way.${s.source}`)}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  {kept && (
                    <td>{c.retention || t("transparency.collection.retentionNotStated")}</td>
                  )}
                </tr>
              ))}
            </StackTable>
          </section>
        );
      })}
    </Section>
  );
}
