import Link from "next/link";

import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";
import { mySeenNoticeVersion } from "@/lib/notice/seen-version";
import type { NoticeVersionView } from "@/lib/notice/types";
import { changesSince, latestNotice, markNoticeSeen } from "@/lib/notice/versions";

import { myConsentItems, type ConsentItem } from "@/lib/data/privacy-signals/notice-consent";

import { AcknowledgeNoticeForm } from "./acknowledge-notice-form";
import { ChangeBadge } from "./change-badge";
import { NoticeConsentForm } from "./deferred-consent-form";
import { categoryNames, changeName, elementName } from "./labels";

export interface NoticeChangesSince {
  latest: number;
  versions: NoticeVersionView[];
  needsConsent: boolean;
  /** The categories' names in the latest version, for changes that name a category by key. */
  categories: ReadonlyMap<string, string>;
  /** The new purposes and third parties the person is asked to consent to. */
  consent: ConsentItem[];
}

/**
 * What changed in the privacy notice since the signed-in person last acknowledged it (ISO/IEC
 * 29184 5.3.14), for their page; null when nothing did. Someone who never acknowledged any
 * version has their marker set to the latest now, silently: they are shown the changes after
 * their first visit, not the whole history before it. Called by the page before it renders.
 */
export async function noticeChangesSinceSeen(
  actor: Actor,
  locale: Locale,
): Promise<NoticeChangesSince | null> {
  const seen = await mySeenNoticeVersion({ actor });
  if (seen === undefined) return null;
  const db = getDb();
  if (seen === null) {
    const latest = await latestNotice(db);
    if (latest) await markNoticeSeen(actor, latest.version);
    return null;
  }
  const since = await changesSince(db, seen);
  if (since.versions.length === 0) return null;
  const latest = await latestNotice(db);
  const categories = latest ? categoryNames(latest.notice, locale) : new Map<string, string>();
  const consent = since.needsConsent
    ? await myConsentItems({ actor, seen, latest: since.latest })
    : [];
  return { ...since, categories, consent };
}

/**
 * The card at the top of the person's page: what changed (by element and name), whether some of
 * it needs their consent (a new purpose, a new third party) and then a consent question for each,
 * else "I have read it". Its client
 * form translates with the "noticeVersions" section: the page declares it in <ClientSections>.
 */
export function NoticeChangesCard(props: {
  changes: NoticeChangesSince;
  locale: Locale;
  t: Translate;
}) {
  const { changes, locale, t } = props;
  const items = changes.versions.flatMap((v) =>
    v.changes.map((c, i) => ({ change: c, key: `${v.version}-${i}` })),
  );
  return (
    <section
      className={changes.needsConsent ? "notice" : "info"}
      aria-labelledby="notice-changes-title"
      data-testid="notice-update"
    >
      <h2 id="notice-changes-title">{t("noticeVersions.me.title")}</h2>
      <p>{t("noticeVersions.me.intro")}</p>
      <ul className="cards">
        {items.map(({ change, key }) => (
          <li key={key} data-kind={change.kind} data-key={change.key ?? undefined}>
            <ChangeBadge kind={change.kind} t={t} />{" "}
            <span className="break-anywhere">
              {t("noticeVersions.me.item", {
                element: elementName(t, change.element),
                name: changeName(t, change, locale, changes.categories),
              })}
            </span>
          </li>
        ))}
      </ul>
      {changes.needsConsent && (
        <p data-testid="notice-needs-consent">
          <strong>{t("noticeVersions.me.consent")}</strong>
        </p>
      )}
      <p>
        <Link href={`/${locale}/privacy/versions`}>{t("noticeVersions.me.details")}</Link>
      </p>
      {changes.consent.length > 0 ? (
        <NoticeConsentForm
          version={changes.latest}
          locale={locale}
          questions={changes.consent.map(({ element, key, name }) => ({ element, key, name }))}
        />
      ) : (
        <AcknowledgeNoticeForm version={changes.latest} />
      )}
    </section>
  );
}
