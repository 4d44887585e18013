import type { Transparency } from "@/lib/data/transparency/get-transparency";
import type { Translate } from "@/lib/i18n/translate";

import { Section } from "./section";

/** How the Global Privacy Control signal is honoured, and exactly what it stops. */
export function GpcSection({ data, t }: { data: Transparency; t: Translate }) {
  const list = (names: string[]) =>
    names.length === 0 ? (
      <p>{t("gpc.sectionNone")}</p>
    ) : (
      <ul>
        {names.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
    );
  return (
    <Section id="gpc" t={t}>
      <p>{t("gpc.sectionIntro")}</p>
      <p>{t("gpc.sectionHow")}</p>
      <h3>{t("gpc.sectionPurposes")}</h3>
      {list(data.gpc.purposes)}
      <h3>{t("gpc.sectionRecipients")}</h3>
      {list(data.gpc.recipients)}
      <p>
        <a href="/.well-known/gpc.json" type="application/json">
          /.well-known/gpc.json
        </a>
      </p>
    </Section>
  );
}
