import Link from "next/link";

import { ConsentBadge } from "@/components/notice/change-badge";
import { NOTICE_JSON_PATH, changeSummary } from "@/components/notice/labels";
import { StackTable } from "@/components/ui/stack-table";
import { getDb } from "@/lib/db";
import { toLocale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { publicPageMetadata } from "@/lib/i18n/public-metadata";
import { getTranslator } from "@/lib/i18n/translate";
import { listNoticeVersions } from "@/lib/notice/versions";

// Public: every published version of the privacy notice, newest first (ISO/IEC 29184 5.3.14: how
// changes are made known). A version's content never changes once recorded, but a new one may
// appear with any manager's change, so the list is read on each request.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = publicPageMetadata(
  "/privacy/versions",
  (t, name) => `${t("noticeVersions.list.title")} | ${name}`,
  "noticeVersions.list.metaDescription",
);

export default async function NoticeVersionsPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const versions = await listNoticeVersions(getDb());
  return (
    <>
      <h1>{t("noticeVersions.list.title")}</h1>
      <p>{t("noticeVersions.list.intro")}</p>
      <p>
        <Link href={`/${locale}/privacy#notice`}>{t("noticeVersions.list.back")}</Link>
        {" · "}
        <a href={NOTICE_JSON_PATH} type="application/json">
          {t("noticeVersions.json")}
        </a>
      </p>
      {versions.length === 0 ? (
        <p role="status">{t("noticeVersions.list.empty")}</p>
      ) : (
        <StackTable
          caption={t("noticeVersions.list.caption")}
          columns={[
            t("noticeVersions.list.colVersion"),
            t("noticeVersions.list.colDate"),
            t("noticeVersions.list.colChanges"),
          ]}
          testId="notice-versions"
        >
          {versions.map((v) => (
            <tr key={v.version} data-version={v.version}>
              <th scope="row">
                <Link href={`/${locale}/privacy/versions/${v.version}`}>
                  {t("noticeVersions.edition", { version: v.version })}
                </Link>
              </th>
              <td>{formatDate(locale, v.createdAt)}</td>
              <td>
                {v.changes.length > 0
                  ? changeSummary(t, v.changes)
                  : v.version === 1 && t("noticeVersions.summary.first")}
                {v.needsConsent && (
                  <>
                    {" "}
                    <ConsentBadge t={t} />
                  </>
                )}
              </td>
            </tr>
          ))}
        </StackTable>
      )}
    </>
  );
}
