import type { Transparency } from "@/lib/data/transparency/get-transparency";
import type { Translate } from "@/lib/i18n/translate";

import { Paragraphs, Section } from "./section";

/** The security-control measures for retained personal data (APPI Art.32(1)(iv), Order Art.10(1)). */
export function SecuritySection({ data, t }: { data: Transparency; t: Translate }) {
  return (
    <Section id="security" t={t}>
      <p>{t("transparency.security.intro")}</p>
      <Paragraphs text={data.organisation.securityMeasures} />
    </Section>
  );
}

/**
 * Where to complain (苦情の申出先, Order Art.10(3)-(4)): the organisation's own desk first, then
 * the supervisory authority of each law, and the courts.
 */
export function ComplaintsSection({ data, t }: { data: Transparency; t: Translate }) {
  return (
    <Section id="complaints" t={t}>
      <p>{t("transparency.complaints.intro")}</p>
      <Paragraphs text={data.organisation.complaintDesk} />
      <p>{t("transparency.complaints.authoritiesIntro")}</p>
      <table>
        <caption>{t("transparency.complaints.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("transparency.complaints.colLaw")}</th>
            <th scope="col">{t("transparency.complaints.colAuthority")}</th>
          </tr>
        </thead>
        <tbody>
          {data.authorities.map((a) => (
            <tr key={a.key} data-authority={a.key}>
              <th scope="row">{t(`queue.jurisdiction.${a.jurisdiction}`)}</th>
              <td>
                <a href={a.url} rel="noopener noreferrer">
                  {a.name}
                </a>
                {a.contact && <> {t("complaints.contact", { contact: a.contact })}</>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
