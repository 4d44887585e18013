import type { Transparency } from "@/lib/data/transparency/get-transparency";
import type { Translate } from "@/lib/i18n/translate";

import { Paragraphs, Section } from "./section";

const BASES = ["WARRANT", "INQUIRY", "OTHER_LAW"] as const;

/** The organisation's policy and the yearly counts from the law-enforcement register. */
export function LawEnforcementSection({ data, t }: { data: Transparency; t: Translate }) {
  return (
    <Section id="law-enforcement" t={t}>
      <h3>{t("transparency.lawEnforcement.policyTitle")}</h3>
      <Paragraphs text={data.organisation.lawEnforcementPolicy} />
      <h3>{t("transparency.lawEnforcement.countsTitle")}</h3>
      <p>{t("transparency.lawEnforcement.countsIntro")}</p>
      {data.lawEnforcement.length === 0 ? (
        <p>{t("transparency.lawEnforcement.noneYet")}</p>
      ) : (
        <table>
          <caption>{t("transparency.lawEnforcement.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("transparency.lawEnforcement.colYear")}</th>
              {BASES.map((b) => (
                <th key={b} scope="col">
                  {t(`transparency.lawEnforcement.basis.${b}`)}
                </th>
              ))}
              <th scope="col">{t("transparency.lawEnforcement.colTotal")}</th>
            </tr>
          </thead>
          <tbody>
            {data.lawEnforcement.map((row) => (
              <tr key={row.year} data-year={row.year}>
                <th scope="row">{t("transparency.lawEnforcement.year", { year: row.year })}</th>
                {BASES.map((b) => (
                  <td key={b} data-basis={b}>
                    {row[b]}
                  </td>
                ))}
                <td data-basis="TOTAL">{row.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
