import type { ReactNode } from "react";

import { Paragraphs } from "@/components/transparency/section";
import type { Locale } from "@/lib/i18n/config";
import { countryName } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { Notice } from "@/lib/notice/types";

import {
  ELEMENT_ORDER,
  categoryNames,
  elementName,
  inLocale,
  labelOf,
  type ShownElement,
} from "./labels";

type Props = { notice: Notice; locale: Locale; t: Translate };

/**
 * One version of the notice, compactly, element by element (ISO/IEC 29184 clause 5.3): one h3
 * per element with the anchor `notice-<element>` the transparency page links to.
 */
export function NoticeContent(props: Props) {
  const { t } = props;
  const body: Record<ShownElement, ReactNode> = {
    controller: <Controller {...props} />,
    purposes: <Purposes {...props} />,
    categories: <Categories {...props} />,
    sources: <Sources {...props} />,
    recipients: <Recipients {...props} />,
    retention: <Retention {...props} />,
    rights: <Rights {...props} />,
    complaints: <Complaints {...props} />,
    changes: <Paragraphs text={inLocale(props.notice.changes, props.locale)} />,
  };
  return ELEMENT_ORDER.map((element) => (
    <section key={element} aria-labelledby={`notice-${element}`} data-element={element}>
      <h3 id={`notice-${element}`}>{elementName(t, element)}</h3>
      {body[element]}
    </section>
  ));
}

function Controller({ notice, locale, t }: Props) {
  const c = notice.controller;
  const rows: [string, ReactNode][] = [
    [t("noticeVersions.version.controller.name"), inLocale(c.name, locale)],
    [t("noticeVersions.version.controller.address"), inLocale(c.address, locale)],
    [t("noticeVersions.version.controller.representative"), c.representative],
    [t("noticeVersions.version.controller.department"), inLocale(c.department, locale)],
    [
      t("noticeVersions.version.controller.email"),
      c.email && <a href={`mailto:${c.email}`}>{c.email}</a>,
    ],
    [t("noticeVersions.version.controller.phone"), c.phone],
  ];
  const security = inLocale(notice.statements?.securityMeasures ?? null, locale);
  return (
    <>
      <dl className="facts">
        {rows
          .filter(([, value]) => Boolean(value))
          .map(([label, value]) => [
            <dt key={`${label}-t`}>{label}</dt>,
            <dd key={`${label}-d`} className="break-anywhere">
              {value}
            </dd>,
          ])}
      </dl>
      {security && (
        <>
          <h4>{t("noticeVersions.version.controller.securityMeasures")}</h4>
          <Paragraphs text={security} />
        </>
      )}
    </>
  );
}

function Purposes(props: Props) {
  const { notice, t } = props;
  if (notice.purposes.length === 0) return <p>{t("noticeVersions.version.none")}</p>;
  return (
    <>
      <PurposeList {...props} />
      <Statements {...props} fields={["automatedDecisions"]} />
    </>
  );
}

function PurposeList(props: Props) {
  const { notice, locale, t } = props;
  const names = categoryNames(notice, locale);
  const separator = t("noticeVersions.change.separator");
  return (
    <ul>
      {notice.purposes.map((p) => (
        <li key={p.key} data-key={p.key}>
          <strong>{inLocale(p.name, locale)}</strong>
          {p.description && <div>{inLocale(p.description, locale)}</div>}
          {p.categoryKeys.length > 0 && (
            <div>
              <small>
                {t("noticeVersions.version.categoriesOf", {
                  categories: p.categoryKeys.map((k) => names.get(k) ?? k).join(separator),
                })}
              </small>
            </div>
          )}
          {p.optOut && (
            <div>
              <small>{t("noticeVersions.version.optOut")}</small>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

function Categories({ notice, locale, t }: Props) {
  if (notice.categories.length === 0) return <p>{t("noticeVersions.version.none")}</p>;
  return (
    <ul>
      {notice.categories.map((c) => (
        <li key={c.key} data-key={c.key}>
          {inLocale(c.name, locale)}
          {" · "}
          <small>{labelOf(t, `dataClass.${c.dataClass}`, c.dataClass)}</small>
        </li>
      ))}
    </ul>
  );
}

function Sources(props: Props) {
  const { notice, locale, t } = props;
  const names = categoryNames(notice, locale);
  const separator = t("noticeVersions.change.separator");
  const rows = notice.sources.filter((s) => s.sources.length > 0);
  if (rows.length === 0) return <p>{t("noticeVersions.version.none")}</p>;
  return (
    <dl className="facts">
      {rows.map((s) => [
        <dt key={`${s.categoryKey}-t`}>{names.get(s.categoryKey) ?? s.categoryKey}</dt>,
        <dd key={`${s.categoryKey}-d`}>
          {s.sources
            .map((way) => labelOf(t, `transparency.collection.way.${way}`, way))
            .join(separator)}
        </dd>,
      ])}
    </dl>
  );
}

function Recipients(props: Props) {
  return (
    <>
      <RecipientList {...props} />
      <Statements {...props} fields={["processorOversight", "lawEnforcement"]} />
    </>
  );
}

function RecipientList({ notice, locale, t }: Props) {
  if (notice.recipients.length === 0) return <p>{t("noticeVersions.version.none")}</p>;
  return (
    <ul>
      {notice.recipients.map((r) => (
        <li key={r.key} data-key={r.key}>
          <strong className="break-anywhere">{inLocale(r.name, locale)}</strong>{" "}
          <small>
            {labelOf(t, `recipientClass.${r.recipientClass}`, r.recipientClass)}
            {" · "}
            {r.country
              ? t("noticeVersions.version.abroad", { country: countryName(locale, r.country) })
              : t("noticeVersions.version.domestic")}
            {r.thirdParty && (
              <>
                {" · "}
                {t("noticeVersions.version.thirdParty")}
              </>
            )}
          </small>
        </li>
      ))}
    </ul>
  );
}

function Retention(props: Props) {
  const { notice, locale, t } = props;
  const names = categoryNames(notice, locale);
  if (notice.retention.length === 0) return <p>{t("noticeVersions.version.none")}</p>;
  return (
    <dl className="facts">
      {notice.retention.map((r) => [
        <dt key={`${r.categoryKey}-t`}>{names.get(r.categoryKey) ?? r.categoryKey}</dt>,
        <dd key={`${r.categoryKey}-d`}>
          {inLocale(r.period, locale) ?? t("noticeVersions.version.notStated")}
        </dd>,
      ])}
    </dl>
  );
}

/** The statements shown under an element (security measures have their place in the controller's). */
type Statement = Exclude<keyof NonNullable<Notice["statements"]>, "securityMeasures">;

/** The organisation's own statements that belong to an element, each under its heading. */
function Statements(props: Props & { fields: readonly Statement[] }) {
  const { notice, locale, t, fields } = props;
  return fields.map((field) => {
    const text = inLocale(notice.statements?.[field] ?? null, locale);
    if (!text) return null;
    return (
      <section key={field} aria-labelledby={`notice-statement-${field}`}>
        <h4 id={`notice-statement-${field}`}>{t(`noticeVersions.version.${field}`)}</h4>
        <Paragraphs text={text} />
      </section>
    );
  });
}

function Rights(props: Props) {
  const { notice, locale } = props;
  return (
    <>
      <ul>
        {notice.rights.map((r) => (
          <li key={r.requestType}>{inLocale(r.name, locale)}</li>
        ))}
      </ul>
      <Paragraphs text={inLocale(notice.rightsHowTo, locale)} />
      <Statements {...props} fields={["offlineFiling", "identityDocuments"]} />
    </>
  );
}

function Complaints({ notice, locale, t }: Props) {
  const { desk, authorities } = notice.complaints;
  return (
    <>
      {desk && (
        <>
          <h4>{t("noticeVersions.version.desk")}</h4>
          <Paragraphs text={inLocale(desk, locale)} />
        </>
      )}
      <h4>{t("noticeVersions.version.authorities")}</h4>
      {authorities.length === 0 ? (
        <p>{t("noticeVersions.version.none")}</p>
      ) : (
        <ul>
          {authorities.map((a) => (
            <li key={a.key}>
              {a.url ? (
                <a href={a.url} rel="noopener noreferrer">
                  {inLocale(a.name, locale)}
                </a>
              ) : (
                inLocale(a.name, locale)
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
