import { StackTable } from "@/components/ui/stack-table";
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
        <StackTable
          caption={t("transparency.lawEnforcement.caption")}
          columns={[
            t("transparency.lawEnforcement.colYear"),
            ...BASES.map((b) => t(`transparency.lawEnforcement.basis.${b}`)),
            t("transparency.lawEnforcement.colTotal"),
          ]}
        >
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
        </StackTable>
      )}
    </Section>
  );
}
