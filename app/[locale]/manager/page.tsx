import { ClientSections } from "@/components/i18n/client-sections";
import { CloseTimes } from "@/components/manager/dashboard/close-times";
import { CountTable } from "@/components/manager/dashboard/count-table";
import { ExportForm } from "@/components/manager/dashboard/export-form";
import {
  ackOverdueFilter,
  dueSoonFilter,
  overdueFilter,
  queueHref,
} from "@/components/manager/dashboard/queue-links";
import { WeeklyTrend } from "@/components/manager/dashboard/weekly-trend";
import { Forbidden } from "@/components/ui/forbidden";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { getDashboard } from "@/lib/data/dashboard/get-dashboard";
import { getJpSla } from "@/lib/data/policies/jp-sla";
import { toLocale } from "@/lib/i18n/config";
import type { MessageKey } from "@/lib/i18n/translate";
import { getTranslator } from "@/lib/i18n/translate";
import type { TQueueFilter } from "@/lib/validation/queue";

import { SlaForm } from "./sla-form";

export const dynamic = "force-dynamic";

// The manager's page: the dashboard (figures linking to the filtered queue, charts with their
// tables, the regulators' CSV export) and the JP internal deadline setting.
export default async function ManagerPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "manager:dashboard")) return <Forbidden locale={locale} />;
  const [sla, d] = await Promise.all([getJpSla({ actor }), getDashboard({ actor })]);
  const href = (filter: TQueueFilter) => queueHref(locale, filter);
  const summary = (title: string) => t("dashboard.chartSummary", { title });
  const workloadRows = d.workload.map((w) => ({
    key: w.assigneeId ?? "unassigned",
    label: w.assigneeId ? (w.name ?? t("dashboard.unnamed")) : t("dashboard.unassigned"),
    count: w.count,
    href: href({ assignee: w.assigneeId ?? "unassigned" }),
  }));
  return (
    <ClientSections locale={locale} sections={["manager"]}>
      <h1>{t("manager.title")}</h1>
      <p>
        <a href={`/${locale}/manager/law-enforcement`}>{t("lawEnforcement.title")}</a>
        {can(actor.role, "policy:configure") && (
          <>
            {" · "}
            <a href={`/${locale}/manager/settings`}>{t("settings.title")}</a>
          </>
        )}
      </p>
      <section className="panel" aria-labelledby="overview-h">
        <h2 id="overview-h">{t("dashboard.overviewTitle")}</h2>
        <dl className="facts">
          <dt>{t("dashboard.open")}</dt>
          <dd data-testid="open-count" data-count={d.open}>
            <a href={href({})}>{d.open}</a>
          </dd>
          <dt>{t("dashboard.overdue")}</dt>
          <dd
            data-testid="overdue-count"
            data-count={d.overdue}
            className={d.overdue > 0 ? "overdue" : undefined}
          >
            <a href={href(overdueFilter(d.now))}>{d.overdue}</a>
          </dd>
          <dt>{t("dashboard.dueSoon")}</dt>
          <dd data-testid="due-soon-count" data-count={d.dueSoon}>
            <a href={href(dueSoonFilter(d.now))}>{d.dueSoon}</a>
          </dd>
          <dt>{t("dashboard.ackOverdue")}</dt>
          <dd
            data-testid="ack-overdue-count"
            data-count={d.ackOverdue}
            className={d.ackOverdue > 0 ? "overdue" : undefined}
          >
            <a href={href(ackOverdueFilter)}>{d.ackOverdue}</a>
          </dd>
        </dl>
        <p>{t("dashboard.definitions")}</p>
      </section>
      <CountTable
        id="by-status"
        title={t("dashboard.byStatusTitle")}
        empty={t("dashboard.none")}
        keyHeader={t("dashboard.status")}
        countHeader={t("dashboard.count")}
        summary={summary(t("dashboard.byStatusTitle"))}
        rows={d.byStatus.map((r) => ({
          ...r,
          label: t(`status.${r.key}` as MessageKey),
          href: href({ status: r.key as TQueueFilter["status"] }),
        }))}
      />
      <CountTable
        id="by-type"
        title={t("dashboard.byTypeTitle")}
        empty={t("dashboard.none")}
        keyHeader={t("dashboard.type")}
        countHeader={t("dashboard.count")}
        summary={summary(t("dashboard.byTypeTitle"))}
        rows={d.byType.map((r) => ({
          ...r,
          label: t(`requestType.${r.key}` as MessageKey),
          href: href({ type: r.key as TQueueFilter["type"] }),
        }))}
      />
      <CountTable
        id="by-jurisdiction"
        title={t("dashboard.byJurisdictionTitle")}
        empty={t("dashboard.none")}
        keyHeader={t("dashboard.jurisdiction")}
        countHeader={t("dashboard.count")}
        summary={summary(t("dashboard.byJurisdictionTitle"))}
        rows={d.byJurisdiction.map((r) => ({
          ...r,
          label: t(`queue.jurisdiction.${r.key}` as MessageKey),
          href: href({ jurisdiction: r.key as TQueueFilter["jurisdiction"] }),
        }))}
      />
      <CountTable
        id="workload"
        title={t("dashboard.workloadTitle")}
        empty={t("dashboard.none")}
        keyHeader={t("dashboard.staff")}
        countHeader={t("dashboard.count")}
        summary={summary(t("dashboard.workloadTitle"))}
        rows={workloadRows}
      />
      <CloseTimes rows={d.closeTimes} t={t} />
      <WeeklyTrend weeks={d.weeks} t={t} />
      <ExportForm locale={locale} t={t} now={d.now} />
      <SlaForm days={sla.amount} />
    </ClientSections>
  );
}
