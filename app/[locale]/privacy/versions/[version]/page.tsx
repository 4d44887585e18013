import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { ConsentBadge } from "@/components/notice/change-badge";
import { ChangeList } from "@/components/notice/change-list";
import { NOTICE_JSON_PATH, categoryNames } from "@/components/notice/labels";
import { NoticeContent } from "@/components/notice/notice-content";
import { loadBrand } from "@/lib/brand/load-brand";
import { portalName } from "@/lib/brand/name";
import { getDb } from "@/lib/db";
import { toLocale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { publicMetadata } from "@/lib/i18n/public-metadata";
import { getTranslator } from "@/lib/i18n/translate";
import { getNoticeVersion } from "@/lib/notice/versions";

// Public: one version of the privacy notice as it was published, what changed from the version
// before (per element: each item added, removed or changed, by name), and the same as JSON.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; version: string }> };

/** A version number from the URL: digits only, within the column's range; else none. */
function versionOf(raw: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(raw)) return null;
  const n = Number(raw);
  return n <= 2_147_483_647 ? n : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale: raw, version: rawVersion } = await params;
  const locale = toLocale(raw);
  const t = getTranslator(locale);
  const version = versionOf(rawVersion) ?? 0;
  const name = portalName(await loadBrand(), locale, t);
  return publicMetadata({
    locale,
    path: `/privacy/versions/${version}`,
    title: `${t("noticeVersions.version.title", { version })} | ${name}`,
    description: t("noticeVersions.version.metaDescription", { version }),
  });
}

export default async function NoticeVersionPage({ params }: Props) {
  const { locale: raw, version: rawVersion } = await params;
  const locale = toLocale(raw);
  const t = getTranslator(locale);
  const version = versionOf(rawVersion);
  const found = version === null ? null : await getNoticeVersion(getDb(), version);
  if (!found) notFound();
  const history = `/${locale}/privacy/versions`;
  return (
    <>
      <h1>{t("noticeVersions.version.title", { version: found.version })}</h1>
      <p>
        {t("noticeVersions.version.published", { date: formatDate(locale, found.createdAt) })}
        {found.needsConsent && (
          <>
            {" "}
            <ConsentBadge t={t} />
          </>
        )}
      </p>
      <p>
        <Link href={history}>{t("noticeVersions.version.backToList")}</Link>
        {" · "}
        <a href={`${NOTICE_JSON_PATH}?version=${found.version}`} type="application/json">
          {t("noticeVersions.version.json")}
        </a>
      </p>

      <section aria-labelledby="changes-title" className="panel" data-testid="notice-changes">
        <h2 id="changes-title">{t("noticeVersions.version.changesTitle")}</h2>
        {found.changes.length === 0 ? (
          <p>{t("noticeVersions.version.noChanges")}</p>
        ) : (
          <>
            {found.needsConsent && (
              <p className="notice" role="note">
                {t("noticeVersions.version.consentNote")}
              </p>
            )}
            <ChangeList
              changes={found.changes}
              categories={categoryNames(found.notice, locale)}
              locale={locale}
              t={t}
            />
          </>
        )}
      </section>

      <section aria-labelledby="content-title" data-testid="notice-content">
        <h2 id="content-title">{t("noticeVersions.version.contentTitle")}</h2>
        <NoticeContent notice={found.notice} locale={locale} t={t} />
      </section>
    </>
  );
}
