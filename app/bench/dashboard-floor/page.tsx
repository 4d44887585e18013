import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import pg from "pg";

import { CloseTimes } from "@/components/manager/dashboard/close-times";
import { CountTable } from "@/components/manager/dashboard/count-table";
import {
  dueSoonFilter,
  overdueFilter,
  queueHref,
} from "@/components/manager/dashboard/queue-links";
import { WeeklyTrend } from "@/components/manager/dashboard/weekly-trend";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import type { MessageKey } from "@/lib/i18n/translate";
import { getTranslator } from "@/lib/i18n/translate";
import type { TQueueFilter } from "@/lib/validation/queue";

import { floorFigures } from "./figures";

export const dynamic = "force-dynamic";

// The benchmark floor (scripts/bench/all.ts): the least a page can do to show the manager
// dashboard's figures — session cookie to a manager in one query, then getDashboard's six queries
// as plain SQL over plain pg (./figures.ts), rendered with the same tables and charts.
// Never part of the product: without BENCH_FLOOR=1 it is not found.

const globalForFloor = globalThis as unknown as { __dashboardFloorPool?: pg.Pool };

function pool(url: string): pg.Pool {
  return (globalForFloor.__dashboardFloorPool ??= new pg.Pool({ connectionString: url, max: 10 }));
}

export default async function DashboardFloorPage() {
  // eslint-disable-next-line no-restricted-properties -- a benchmark-only switch that must not exist in lib/env.ts (the product never reads it); the floor needs no other configuration
  const { BENCH_FLOOR, DATABASE_URL } = process.env;
  if (BENCH_FLOOR !== "1" || !DATABASE_URL) notFound();
  const token = (await cookies()).get("authjs.session-token")?.value;
  if (!token) notFound();
  const db = pool(DATABASE_URL);
  const session = await db.query<{ role: Role }>(
    `SELECT u.role::text AS role FROM "Session" s JOIN "User" u ON u.id = s."userId"
     WHERE s."sessionToken" = $1 AND s.expires > now()`,
    [token],
  );
  const role = session.rows[0]?.role;
  if (!role || !can(role, "manager:dashboard")) notFound();
  const d = await floorFigures(db, new Date());
  const t = getTranslator("ja");
  const href = (filter: TQueueFilter) => queueHref("ja", filter);
  const summary = (title: string) => t("dashboard.chartSummary", { title });
  const table = (id: string, title: MessageKey, keyHeader: MessageKey) => ({
    id,
    title: t(title),
    empty: t("dashboard.none"),
    keyHeader: t(keyHeader),
    countHeader: t("dashboard.count"),
    summary: summary(t(title)),
  });
  return (
    <>
      <dl className="facts">
        <dt>{t("dashboard.open")}</dt>
        <dd data-testid="open-count" data-count={d.open}>
          <a href={href({})}>{d.open}</a>
        </dd>
        <dt>{t("dashboard.overdue")}</dt>
        <dd data-testid="overdue-count" data-count={d.overdue}>
          <a href={href(overdueFilter(d.now))}>{d.overdue}</a>
        </dd>
        <dt>{t("dashboard.dueSoon")}</dt>
        <dd data-testid="due-soon-count" data-count={d.dueSoon}>
          <a href={href(dueSoonFilter(d.now))}>{d.dueSoon}</a>
        </dd>
        <dt>{t("dashboard.ackOverdue")}</dt>
        <dd data-testid="ack-overdue-count" data-count={d.ackOverdue}>
          {d.ackOverdue}
        </dd>
      </dl>
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
