import Link from "next/link";

import { ClientSections } from "@/components/i18n/client-sections";
import { redirect } from "next/navigation";

import { NoticeChangesCard, noticeChangesSinceSeen } from "@/components/notice/notice-changes-card";
import { applyGpcSignal, GpcNotice } from "@/components/privacy/gpc-notice";
import { DueLabel } from "@/components/requests/due-label";
import { StatusBadge } from "@/components/requests/status-badge";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { listMyRequests } from "@/lib/data/requests/list-my-requests";
import { getMyDataSummary } from "@/lib/data/subjects/get-my-data-summary";
import { toLocale } from "@/lib/i18n/config";
import { readerZone } from "@/lib/deadlines/calendar";
import { formatDate } from "@/lib/i18n/format";
import { getTranslator } from "@/lib/i18n/translate";
import { isOpen } from "@/lib/requests/lifecycle";
import { Inbox } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { StackTable } from "@/components/ui/stack-table";

export const dynamic = "force-dynamic";

export default async function MyPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  // Staff have no data-subject page; send them to their workspace (comfort, not security).
  if (can(actor.role, "queue:read")) redirect(`/${locale}/staff`);
  const gpc = await applyGpcSignal(actor);
  const [summary, requests, noticeChanges] = await Promise.all([
    getMyDataSummary({ actor }),
    listMyRequests({ actor }),
    noticeChangesSinceSeen(actor, locale),
  ]);
  const name = (ja: string, en: string) => (locale === "ja" ? ja : en);
  const now = new Date();

  return (
    <>
      <h1>{t("me.title")}</h1>
      {summary && (
        <p>
          {t("me.greeting", { name: `${summary.subject.familyName} ${summary.subject.givenName}` })}
        </p>
      )}
      {noticeChanges && (
        <ClientSections locale={locale} sections={["noticeVersions"]}>
          <NoticeChangesCard changes={noticeChanges} locale={locale} t={t} />
        </ClientSections>
      )}
      <ClientSections locale={locale} sections={["gpc"]}>
        <GpcNotice actor={actor} signal={gpc} locale={locale} t={t} />
      </ClientSections>
      <p>
        <Link className="button" href={`/${locale}/me/requests/new`}>
          {t("me.newRequest")}
        </Link>
      </p>
      <ul>
        <li>
          <Link href={`/${locale}/me/data`}>{t("ledger.myData.link")}</Link>
        </li>
        <li>
          <Link href={`/${locale}/me/ledger`}>{t("ledger.link")}</Link>
        </li>
      </ul>

      <section aria-labelledby="requests-title">
        <h2 id="requests-title">{t("me.requestsTitle")}</h2>
        {requests.length === 0 ? (
          <EmptyState
            icon={Inbox}
            title={t("me.noRequests")}
            body={t("me.noRequestsHint")}
            testId="requests-empty"
          />
        ) : (
          <StackTable
            labelledBy="requests-title"
            columns={[
              t("request.reference"),
              t("request.type"),
              t("request.status"),
              t("request.dueAt"),
            ]}
          >
            {requests.map((r) => (
              <tr key={r.reference}>
                <td>
                  <Link href={`/${locale}/me/requests/${r.reference}`}>{r.reference}</Link>
                </td>
                <td>{t(`requestType.${r.type}`)}</td>
                <td>
                  <StatusBadge status={r.status} t={t} />
                </td>
                <td>
                  <DueLabel
                    due={r.dueAt}
                    locale={locale}
                    t={t}
                    open={isOpen(r.status)}
                    now={now}
                    zone={readerZone(r.residenceCountry, r.residenceRegion)}
                  />
                </td>
              </tr>
            ))}
          </StackTable>
        )}
      </section>

      <section aria-labelledby="summary-title">
        <h2 id="summary-title">{t("me.summaryTitle")}</h2>
        {!summary ? (
          <p>{t("me.notKnown")}</p>
        ) : (
          <>
            {summary.categories.length === 0 ? (
              <p>{t("me.noItems")}</p>
            ) : (
              <>
                <StackTable columns={[t("me.category"), t("me.dataClass"), t("me.count")]}>
                  {summary.categories.map((c) => (
                    <tr key={c.key}>
                      <td>{name(c.nameJa, c.nameEn)}</td>
                      <td>{t(`dataClass.${c.dataClass}`)}</td>
                      <td>{t("me.items", { count: c.count })}</td>
                    </tr>
                  ))}
                </StackTable>
                <h3>{t("me.systems")}</h3>
                <ul>
                  {summary.systems.map((s) => (
                    <li key={s.key}>{name(s.nameJa, s.nameEn)}</li>
                  ))}
                </ul>
              </>
            )}
            <h3>{t("me.recipients")}</h3>
            {summary.provisionCount === 0 ? (
              <p>{t("me.noProvisions")}</p>
            ) : (
              <>
                <p>
                  {t("me.provisionSummary", {
                    count: summary.provisionCount,
                    recipients: summary.recipientCount,
                  })}
                </p>
                <StackTable
                  caption={t("me.latestProvisions")}
                  columns={[t("me.providedAt"), t("me.recipient"), t("me.purpose")]}
                >
                  {summary.latestProvisions.map((p) => (
                    <tr key={p.id}>
                      <td>{formatDate(locale, p.providedAt)}</td>
                      <td>
                        {name(p.recipient.nameJa, p.recipient.nameEn)}{" "}
                        <small>({t(`recipientClass.${p.recipient.recipientClass}`)})</small>
                      </td>
                      <td>{name(p.purpose.nameJa, p.purpose.nameEn)}</td>
                    </tr>
                  ))}
                </StackTable>
              </>
            )}
          </>
        )}
      </section>
    </>
  );
}
