import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { OPEN_STATUSES } from "@/lib/requests/lifecycle";

import { dashboardWeeks, jstDayStart } from "./weeks";

// The manager dashboard's figures, from a handful of aggregate queries (all parameterised through
// Prisma.sql). Definitions:
// - open: status in OPEN_STATUSES; a request's due date is COALESCE(extendedDueAt, dueAt).
// - overdue: open and due before `now`; due within 3 days: open and due in [now, now + 3 days).
// - acknowledgement overdue: open, not acknowledged to the requester (acknowledgedAt is set when
//   the acknowledgement mail goes out with the request), and past ackDueAt, which the deadline
//   engine derives at filing from the policies that ask for one (US-CA: 10 business days).
// - time to close: COMPLETED requests closed in the last 30 / 90 days, closedAt − receivedAt.
// - weekly trend: the last 12 weeks (Monday to Sunday, Japan time), intake by receivedAt and
//   closures (completed or withdrawn) by closedAt.

const OPEN = [...OPEN_STATUSES];
/** Timestamps are stored as UTC without a zone: compare against a UTC wall-clock value. */
const ts = (d: Date) => Prisma.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

export interface Count {
  key: string;
  count: number;
}
export interface Workload {
  assigneeId: string | null;
  name: string | null;
  count: number;
}
export interface CloseTime {
  windowDays: 30 | 90;
  type: string;
  count: number;
  /** Days, fractional. */
  median: number;
  p90: number;
}
export interface WeekBucket {
  /** The week's Monday in Japan time, YYYY-MM-DD. */
  week: string;
  intake: number;
  closed: number;
}
export interface Dashboard {
  now: Date;
  open: number;
  byStatus: Count[];
  byType: Count[];
  byJurisdiction: Count[];
  overdue: number;
  dueSoon: number;
  ackOverdue: number;
  workload: Workload[];
  closeTimes: CloseTime[];
  weeks: WeekBucket[];
}

export async function getDashboard(options: { actor: Actor; now?: Date }): Promise<Dashboard> {
  if (!can(options.actor.role, "manager:dashboard")) throw new AppError("FORBIDDEN");
  const now = options.now ?? new Date();
  const db = getDb();
  const nowSql = ts(now);
  const soon = ts(new Date(now.getTime() + 3 * 86_400_000));
  const weekList = dashboardWeeks(now);
  const first = jstDayStart(weekList[0]!);
  const end = new Date(jstDayStart(weekList[weekList.length - 1]!).getTime() + 7 * 86_400_000);
  const openWhere = Prisma.sql`r.status = ANY(${OPEN}::"RequestStatus"[])`;

  const [statusType, jurisdictions, deadlines, workload, closeTimes, weekly] = await Promise.all([
    db.$queryRaw<{ status: string; type: string; n: number }[]>`
      SELECT r.status::text AS status, r.type::text AS type, count(*)::int AS n
      FROM "Request" r WHERE ${openWhere} GROUP BY r.status, r.type`,
    db.$queryRaw<{ j: string; n: number }[]>`
      SELECT j::text AS j, count(*)::int AS n
      FROM "Request" r CROSS JOIN LATERAL unnest(r.jurisdictions) j
      WHERE ${openWhere} GROUP BY j`,
    db.$queryRaw<{ overdue: number; soon: number; ack: number }[]>`
      SELECT
        count(*) FILTER (WHERE COALESCE(r."extendedDueAt", r."dueAt") < ${nowSql})::int AS overdue,
        count(*) FILTER (WHERE COALESCE(r."extendedDueAt", r."dueAt") >= ${nowSql}
                           AND COALESCE(r."extendedDueAt", r."dueAt") < ${soon})::int AS soon,
        count(*) FILTER (WHERE r."acknowledgedAt" IS NULL
                           AND r."ackDueAt" < ${nowSql})::int AS ack
      FROM "Request" r WHERE ${openWhere}`,
    db.$queryRaw<{ assigneeId: string | null; name: string | null; n: number }[]>`
      SELECT r."assigneeId" AS "assigneeId", u.name AS name, count(*)::int AS n
      FROM "Request" r LEFT JOIN "User" u ON u.id = r."assigneeId"
      WHERE ${openWhere} GROUP BY r."assigneeId", u.name
      ORDER BY n DESC, u.name NULLS FIRST`,
    db.$queryRaw<{ windowDays: number; type: string; n: number; p50: number; p90: number }[]>`
      SELECT w.days AS "windowDays", r.type::text AS type, count(*)::int AS n,
        percentile_cont(0.5) WITHIN GROUP (
          ORDER BY extract(epoch FROM r."closedAt" - r."receivedAt")::float8) AS p50,
        percentile_cont(0.9) WITHIN GROUP (
          ORDER BY extract(epoch FROM r."closedAt" - r."receivedAt")::float8) AS p90
      FROM (VALUES (30), (90)) w(days)
      JOIN "Request" r ON r."closedAt" >= ${nowSql} - make_interval(days => w.days)
        AND r."closedAt" <= ${nowSql}
      WHERE r.status = 'COMPLETED'
      GROUP BY w.days, r.type`,
    db.$queryRaw<{ kind: "in" | "out"; week: string; n: number }[]>`
      SELECT 'in' AS kind,
        to_char(date_trunc('week', r."receivedAt" + interval '9 hours'), 'YYYY-MM-DD') AS week,
        count(*)::int AS n
      FROM "Request" r WHERE r."receivedAt" >= ${ts(first)} AND r."receivedAt" < ${ts(end)}
      GROUP BY 2
      UNION ALL
      SELECT 'out',
        to_char(date_trunc('week', r."closedAt" + interval '9 hours'), 'YYYY-MM-DD'),
        count(*)::int
      FROM "Request" r WHERE r."closedAt" >= ${ts(first)} AND r."closedAt" < ${ts(end)}
      GROUP BY 2`,
  ]);

  const sum = (rows: { key: string; n: number }[]) => {
    const map = new Map<string, number>();
    for (const r of rows) map.set(r.key, (map.get(r.key) ?? 0) + r.n);
    return map;
  };
  const byStatus = sum(statusType.map((r) => ({ key: r.status, n: r.n })));
  const byType = sum(statusType.map((r) => ({ key: r.type, n: r.n })));
  const toCounts = (map: Map<string, number>, order: readonly string[]) =>
    order.filter((k) => map.has(k)).map((key) => ({ key, count: map.get(key)! }));
  const d = deadlines[0] ?? { overdue: 0, soon: 0, ack: 0 };
  const weekMap = new Map(weekList.map((w) => [w, { week: w, intake: 0, closed: 0 }]));
  for (const row of weekly) {
    const bucket = weekMap.get(row.week);
    if (bucket) bucket[row.kind === "in" ? "intake" : "closed"] = row.n;
  }
  return {
    now,
    open: statusType.reduce((a, r) => a + r.n, 0),
    byStatus: toCounts(byStatus, OPEN_STATUSES),
    byType: toCounts(byType, TYPE_ORDER),
    byJurisdiction: toCounts(sum(jurisdictions.map((r) => ({ key: r.j, n: r.n }))), JUR_ORDER),
    overdue: d.overdue,
    dueSoon: d.soon,
    ackOverdue: d.ack,
    workload: workload.map((w) => ({ assigneeId: w.assigneeId, name: w.name, count: w.n })),
    closeTimes: closeTimes
      .map((c) => ({
        windowDays: c.windowDays === 30 ? (30 as const) : (90 as const),
        type: c.type,
        count: c.n,
        median: c.p50 / 86_400,
        p90: c.p90 / 86_400,
      }))
      .sort(
        (a, b) =>
          a.windowDays - b.windowDays || TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type),
      ),
    weeks: [...weekMap.values()],
  };
}

const TYPE_ORDER: readonly string[] = [
  "DISCLOSURE",
  "PROVISION_RECORDS",
  "PURPOSE_NOTIFICATION",
  "CORRECTION",
  "SUSPENSION_ERASURE",
  "STOP_PROVISION",
];
const JUR_ORDER: readonly string[] = ["JP", "EU", "UK", "US_CA", "KR", "BR"];
