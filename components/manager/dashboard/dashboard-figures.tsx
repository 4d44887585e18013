import type { ReactNode } from "react";

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

/**
 * The headline counts as cards (label above a large figure), each linking to the queue filtered
 * the same way; the overdue ones turn red when there are any.
 */
export function DashboardFacts({ d, locale, t, extra }: Props & { extra?: ReactNode }) {
  const href = (filter: TQueueFilter) => queueHref(locale, filter);
  const cards: { id: string; label: MessageKey; count: number; href: string; alarm: boolean }[] = [
    { id: "open-count", label: "dashboard.open", count: d.open, href: href({}), alarm: false },
    {
      id: "overdue-count",
      label: "dashboard.overdue",
      count: d.overdue,
      href: href(overdueFilter(d.now)),
      alarm: d.overdue > 0,
    },
    {
      id: "due-soon-count",
      label: "dashboard.dueSoon",
      count: d.dueSoon,
      href: href(dueSoonFilter(d.now)),
      alarm: false,
    },
    {
      id: "ack-overdue-count",
      label: "dashboard.ackOverdue",
      count: d.ackOverdue,
      href: href(ackOverdueFilter),
      alarm: d.ackOverdue > 0,
    },
  ];
  return (
    <dl className="kpis">
      {cards.map((c) => (
        <div key={c.id} className="kpi" data-tone={c.alarm ? "danger" : undefined}>
          <dt>{t(c.label)}</dt>
          <dd data-testid={c.id} data-count={c.count}>
            <a href={c.href}>{c.count}</a>
          </dd>
        </div>
      ))}
      {extra}
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
