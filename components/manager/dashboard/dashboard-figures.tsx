import type { Dashboard } from "@/lib/data/dashboard/get-dashboard";
import type { Locale } from "@/lib/i18n/config";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import type { TQueueFilter } from "@/lib/validation/queue";

import { CloseTimes } from "./close-times";
import { CountTable } from "./count-table";
import { ackOverdueFilter, dueSoonFilter, overdueFilter, queueHref } from "./queue-links";
import { WeeklyTrend } from "./weekly-trend";

// The dashboard's figures, rendered by the manager page and by the benchmark floor
// (app/bench/dashboard-floor) alike, so both pay for the same markup.

type Props = { d: Dashboard; locale: Locale; t: Translate };

/** The headline counts, each linking to the queue filtered the same way. */
export function DashboardFacts({ d, locale, t }: Props) {
  const href = (filter: TQueueFilter) => queueHref(locale, filter);
  return (
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
  );
}

/** The breakdowns (status, type, jurisdiction, workload), close times and the weekly trend. */
export function DashboardTables({ d, locale, t }: Props) {
  const href = (filter: TQueueFilter) => queueHref(locale, filter);
  const table = (id: string, title: MessageKey, keyHeader: MessageKey) => ({
    id,
    title: t(title),
    empty: t("dashboard.none"),
    keyHeader: t(keyHeader),
    countHeader: t("dashboard.count"),
    summary: t("dashboard.chartSummary", { title: t(title) }),
  });
  return (
    <>
      <CountTable
        {...table("by-status", "dashboard.byStatusTitle", "dashboard.status")}
        rows={d.byStatus.map((r) => ({
          ...r,
          label: t(`status.${r.key}` as MessageKey),
          href: href({ status: r.key as TQueueFilter["status"] }),
        }))}
      />
      <CountTable
        {...table("by-type", "dashboard.byTypeTitle", "dashboard.type")}
        rows={d.byType.map((r) => ({
          ...r,
          label: t(`requestType.${r.key}` as MessageKey),
          href: href({ type: r.key as TQueueFilter["type"] }),
        }))}
      />
      <CountTable
        {...table("by-jurisdiction", "dashboard.byJurisdictionTitle", "dashboard.jurisdiction")}
        rows={d.byJurisdiction.map((r) => ({
          ...r,
          label: t(`queue.jurisdiction.${r.key}` as MessageKey),
          href: href({ jurisdiction: r.key as TQueueFilter["jurisdiction"] }),
        }))}
      />
      <CountTable
        {...table("workload", "dashboard.workloadTitle", "dashboard.staff")}
        rows={d.workload.map((w) => ({
          key: w.assigneeId ?? "unassigned",
          label: w.assigneeId ? (w.name ?? t("dashboard.unnamed")) : t("dashboard.unassigned"),
          count: w.count,
          href: href({ assignee: w.assigneeId ?? "unassigned" }),
        }))}
      />
      <CloseTimes rows={d.closeTimes} t={t} />
      <WeeklyTrend weeks={d.weeks} t={t} />
    </>
  );
}
