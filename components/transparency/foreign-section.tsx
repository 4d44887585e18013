import { StackTable } from "@/components/ui/stack-table";
import type { Transparency } from "@/lib/data/transparency/get-transparency";
import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";

import { countryName, Paragraphs, Section } from "./section";

// Short columns beside long regime texts would otherwise wrap one character per line.

/** Recipients abroad with their country's regime and their measures (APPI Art.28). */
export function ForeignSection(props: { data: Transparency; locale: Locale; t: Translate }) {
  const { data, locale, t } = props;
  return (
    <Section id="foreign" t={t}>
      <p>{t("transparency.foreign.intro")}</p>
      <StackTable
        columns={[
          t("transparency.foreign.colRecipient"),
          { label: t("transparency.foreign.colClass"), narrow: true },
          { label: t("transparency.foreign.colCountry"), narrow: true },
          t("transparency.foreign.colRegime"),
          t("transparency.foreign.colMeasures"),
        ]}
        caption={t("transparency.foreign.caption")}
      >
        {data.foreignRecipients.map((r, i) => (
          <tr key={i} data-country={r.country}>
            <th scope="row">{r.name}</th>
            <td>{t(`recipientClass.${r.recipientClass}`)}</td>
            <td>{r.country ? countryName(locale, r.country) : "—"}</td>
            <td className="prose">{r.regime || "—"}</td>
            <td className="prose">{r.measures || "—"}</td>
          </tr>
        ))}
      </StackTable>
    </Section>
  );
}

/** Processors by the kind of work entrusted, never by name, with the oversight statement. */
export function ProcessorsSection(props: { data: Transparency; locale: Locale; t: Translate }) {
  const { data, locale, t } = props;
  return (
    <Section id="processors" t={t}>
      <Paragraphs text={data.organisation.processorOversight} />
      <p>{t("transparency.processors.intro")}</p>
      <StackTable
        caption={t("transparency.processors.caption")}
        columns={[
          t("transparency.processors.colCategory"),
          t("transparency.processors.colCountry"),
          t("transparency.processors.colCount"),
        ]}
      >
        {data.processors.map((p) => (
          <tr key={p.category}>
            <th scope="row">{p.category}</th>
            <td>
              {p.countries.map((c) => countryName(locale, c)).join(t("transparency.listSeparator"))}
            </td>
            <td>{t("transparency.recipients.recipientCount", { count: p.count })}</td>
          </tr>
        ))}
      </StackTable>
    </Section>
  );
}
