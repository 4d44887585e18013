import { StackTable } from "@/components/ui/stack-table";
import type { Transparency } from "@/lib/data/transparency/get-transparency";
import type { Translate } from "@/lib/i18n/translate";

import { Section } from "./section";

/** The recipient classes and the scenes of provision, aggregated from the ledger. */
export function RecipientsSection({ data, t }: { data: Transparency; t: Translate }) {
  return (
    <Section id="recipients" t={t}>
      <p>{t("transparency.recipients.intro")}</p>
      <h3>{t("transparency.recipients.classesTitle")}</h3>
      <StackTable
        caption={t("transparency.recipients.classesCaption")}
        columns={[
          { label: t("transparency.recipients.colClass"), narrow: true },
          t("transparency.recipients.colExplanation"),
          { label: t("transparency.recipients.colRecipients"), narrow: true },
          t("transparency.recipients.colScenes"),
        ]}
      >
        {data.recipientClasses.map((c) => (
          <tr key={c.recipientClass} data-recipient-class={c.recipientClass}>
            <th scope="row">{t(`recipientClass.${c.recipientClass}`)}</th>
            <td>{t(`transparency.recipients.classHelp.${c.recipientClass}`)}</td>
            <td>{t("transparency.recipients.recipientCount", { count: c.recipients })}</td>
            <td>{c.scenes.length ? c.scenes.join(t("transparency.listSeparator")) : "—"}</td>
          </tr>
        ))}
      </StackTable>
      <h3>{t("transparency.recipients.scenesTitle")}</h3>
      <p>{t("transparency.recipients.scenesIntro")}</p>
      <StackTable
        caption={t("transparency.recipients.scenesCaption")}
        columns={[
          t("transparency.recipients.colScene"),
          t("transparency.recipients.colSceneDescription"),
          t("transparency.recipients.colSceneClasses"),
          t("transparency.recipients.colSceneItems"),
        ]}
      >
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
      </StackTable>
    </Section>
  );
}
