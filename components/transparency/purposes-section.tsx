import { StackTable } from "@/components/ui/stack-table";
import type { Transparency } from "@/lib/data/transparency/get-transparency";
import type { Translate } from "@/lib/i18n/translate";

import { Section } from "./section";

/** The purposes of use, and whether each can be stopped (APPI Art.35). */
export function PurposesSection({ data, t }: { data: Transparency; t: Translate }) {
  return (
    <Section id="purposes" t={t}>
      <p>{t("transparency.purposes.intro")}</p>
      <StackTable
        caption={t("transparency.purposes.caption")}
        columns={[
          t("transparency.purposes.colPurpose"),
          t("transparency.purposes.colDescription"),
          t("transparency.purposes.colSuspendable"),
        ]}
      >
        {data.purposes.map((p) => (
          <tr key={p.key}>
            <th scope="row">{p.name}</th>
            <td>{p.description}</td>
            <td>
              {p.suspendable ? (
                t("transparency.purposes.suspendable")
              ) : (
                <>
                  {t("transparency.purposes.notSuspendable")}
                  {p.suspensionNote && <div className="help">{p.suspensionNote}</div>}
                </>
              )}
            </td>
          </tr>
        ))}
      </StackTable>
    </Section>
  );
}
