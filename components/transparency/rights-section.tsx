import Link from "next/link";

import { StackTable } from "@/components/ui/stack-table";
import { REQUEST_TYPES } from "@/lib/requests/vocabulary";
import type { Transparency } from "@/lib/data/transparency/get-transparency";
import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";

import { Paragraphs, Section } from "./section";

/** The rights (APPI Arts.32-35), how to file them online or offline, and filing by an agent. */
export function RightsSection(props: { data: Transparency; locale: Locale; t: Translate }) {
  const { data, locale, t } = props;
  const deadline = data.responseDeadline;
  return (
    <Section id="rights" t={t}>
      <p>{t("transparency.rights.intro")}</p>
      <table>
        <caption>{t("transparency.rights.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("transparency.rights.colRight")}</th>
            <th scope="col">{t("transparency.rights.colExplanation")}</th>
          </tr>
        </thead>
        <tbody>
          {REQUEST_TYPES.map((type) => (
            <tr key={type}>
              <th scope="row">{t(`requestType.${type}`)}</th>
              <td>{t(`requestTypeHelp.${type}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t("transparency.rights.howTitle")}</h3>
      <p>{t("transparency.rights.online")}</p>
      <p>
        <Link className="button" href={`/${locale}/sign-in`}>
          {t("transparency.rights.signIn")}
        </Link>
      </p>
      {deadline && (
        <p>
          {t("transparency.rights.deadline", {
            period: t(`transparency.rights.unit.${deadline.unit}`, { amount: deadline.amount }),
          })}
        </p>
      )}
      {data.organisation.offlineFiling && (
        <>
          <h3>{t("transparency.rights.offlineTitle")}</h3>
          <Paragraphs text={data.organisation.offlineFiling} />
        </>
      )}
      <h3>{t("transparency.rights.agentTitle")}</h3>
      <p>{t("transparency.rights.agentIntro")}</p>
      <StackTable
        caption={t("transparency.rights.agentCaption")}
        columns={[
          t("transparency.rights.colAgent"),
          t("transparency.rights.colWho"),
          t("transparency.rights.colProof"),
        ]}
      >
        <tr>
          <th scope="row">{t("filerRole.LEGAL_REPRESENTATIVE")}</th>
          <td>{t("transparency.rights.legalRepresentative")}</td>
          <td>{t("transparency.rights.legalRepresentativeProof")}</td>
        </tr>
        <tr>
          <th scope="row">{t("filerRole.APPOINTED_AGENT")}</th>
          <td>{t("transparency.rights.appointedAgent")}</td>
          <td>{t("transparency.rights.appointedAgentProof")}</td>
        </tr>
      </StackTable>
    </Section>
  );
}
