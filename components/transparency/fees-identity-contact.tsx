import { StackTable } from "@/components/ui/stack-table";
import type { Transparency } from "@/lib/data/transparency/get-transparency";
import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";

import { Paragraphs, Section } from "./section";

const PHOTO_IDS = [
  "DRIVERS_LICENSE",
  "PASSPORT",
  "RESIDENCE_CARD",
  "MY_NUMBER_CARD_FRONT",
] as const;

/** Fees (APPI Art.38): only disclosure and purpose notification may cost anything; 0 = free. */
export function FeesSection(props: { data: Transparency; locale: Locale; t: Translate }) {
  const { data, locale, t } = props;
  const fee = (yen: number) =>
    yen > 0
      ? t("transparency.fees.yen", {
          amount: yen.toLocaleString(locale === "ja" ? "ja-JP" : "en-GB"),
        })
      : t("transparency.fees.free");
  return (
    <Section id="fees" t={t}>
      <p>{t("transparency.fees.intro")}</p>
      <StackTable
        caption={t("transparency.fees.caption")}
        columns={[t("transparency.fees.colRequest"), t("transparency.fees.colFee")]}
      >
        <tr data-fee="DISCLOSURE">
          <th scope="row">{t("requestType.DISCLOSURE")}</th>
          <td>{fee(data.organisation.disclosureFeeYen)}</td>
        </tr>
        <tr data-fee="PURPOSE_NOTIFICATION">
          <th scope="row">{t("requestType.PURPOSE_NOTIFICATION")}</th>
          <td>{fee(data.organisation.purposeNotificationFeeYen)}</td>
        </tr>
        <tr data-fee="OTHERS">
          <th scope="row">{t("transparency.fees.others")}</th>
          <td>{t("transparency.fees.free")}</td>
        </tr>
      </StackTable>
      <p data-testid="fee-waived">{t("transparency.fees.waived")}</p>
    </Section>
  );
}

/** Which documents prove identity, and what must never be sent. */
export function IdentitySection({ data, t }: { data: Transparency; t: Translate }) {
  return (
    <Section id="identity" t={t}>
      <p>{t("transparency.identity.intro")}</p>
      <h3>{t("transparency.identity.photoTitle")}</h3>
      <ul>
        {PHOTO_IDS.map((kind) => (
          <li key={kind}>{t(`transparency.identity.photo.${kind}`)}</li>
        ))}
      </ul>
      <h3>{t("transparency.identity.nonPhotoTitle")}</h3>
      <p>{t("transparency.identity.nonPhoto")}</p>
      <div className="notice" role="note" aria-labelledby="identity-warning">
        <h3 id="identity-warning">{t("transparency.identity.warningTitle")}</h3>
        <ul>
          <li>{t("transparency.identity.myNumber")}</li>
          <li>{t("transparency.identity.healthInsurance")}</li>
          <li>{t("transparency.identity.agent")}</li>
        </ul>
      </div>
      <Paragraphs text={data.organisation.identityDocumentsNote} />
    </Section>
  );
}

export function ContactSection(props: { data: Transparency; locale: Locale; t: Translate }) {
  const { data, locale, t } = props;
  const org = data.organisation;
  return (
    <Section id="contact" t={t}>
      <dl className="facts">
        <dt>{t("transparency.contact.name")}</dt>
        <dd>{org.name}</dd>
        {org.address && (
          <>
            <dt>{t("transparency.contact.address")}</dt>
            <dd>{org.address}</dd>
          </>
        )}
        {org.email && (
          <>
            <dt>{t("transparency.contact.email")}</dt>
            <dd>
              <a href={`mailto:${org.email}`}>{org.email}</a>
            </dd>
          </>
        )}
        {org.phone && (
          <>
            <dt>{t("transparency.contact.phone")}</dt>
            <dd>{org.phone}</dd>
          </>
        )}
        {org.representative && (
          <>
            <dt>{t("transparency.contact.representative")}</dt>
            {/* Kept in Japanese only (the registered name and title). */}
            <dd lang={locale === "ja" ? undefined : "ja"}>{org.representative}</dd>
          </>
        )}
      </dl>
    </Section>
  );
}
