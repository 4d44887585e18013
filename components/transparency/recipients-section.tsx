import type { Transparency } from "@/lib/data/transparency/get-transparency";
import type { Translate } from "@/lib/i18n/translate";

import { Section } from "./section";

/** The recipient classes and the scenes of provision, aggregated from the ledger. */
export function RecipientsSection({ data, t }: { data: Transparency; t: Translate }) {
  return (
    <Section id="recipients" t={t}>
      <p>{t("transparency.recipients.intro")}</p>
      <h3>{t("transparency.recipients.classesTitle")}</h3>
      <table>
        <caption>{t("transparency.recipients.classesCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("transparency.recipients.colClass")}</th>
            <th scope="col">{t("transparency.recipients.colExplanation")}</th>
            <th scope="col">{t("transparency.recipients.colRecipients")}</th>
            <th scope="col">{t("transparency.recipients.colScenes")}</th>
          </tr>
        </thead>
        <tbody>
          {data.recipientClasses.map((c) => (
            <tr key={c.recipientClass} data-recipient-class={c.recipientClass}>
              <th scope="row">{t(`recipientClass.${c.recipientClass}`)}</th>
              <td>{t(`transparency.recipients.classHelp.${c.recipientClass}`)}</td>
              <td>{t("transparency.recipients.recipientCount", { count: c.recipients })}</td>
              <td>{c.scenes.length ? c.scenes.join(t("transparency.listSeparator")) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t("transparency.recipients.scenesTitle")}</h3>
      <p>{t("transparency.recipients.scenesIntro")}</p>
      <table>
        <caption>{t("transparency.recipients.scenesCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("transparency.recipients.colScene")}</th>
            <th scope="col">{t("transparency.recipients.colSceneDescription")}</th>
            <th scope="col">{t("transparency.recipients.colSceneClasses")}</th>
            <th scope="col">{t("transparency.recipients.colSceneItems")}</th>
          </tr>
        </thead>
        <tbody>
          {data.scenes.map((s) => (
            <tr key={s.key} data-scene={s.key}>
              <th scope="row">{s.name}</th>
              <td>{s.description}</td>
              <td>
                {s.recipientClasses.length
                  ? s.recipientClasses
                      .map((c) => t(`recipientClass.${c}`))
                      .join(t("transparency.listSeparator"))
                  : t("transparency.recipients.notUsed")}
              </td>
              <td>{s.items.length ? s.items.join(t("transparency.listSeparator")) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
