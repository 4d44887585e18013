import type pg from "pg";

import { dashboardWeeks, jstDayStart } from "@/lib/data/dashboard/weeks";
import type { Dashboard } from "@/lib/data/dashboard/get-dashboard";
import { OPEN_STATUSES } from "@/lib/requests/lifecycle";

// The dashboard floor's figures: the six queries of getDashboard (lib/data/dashboard/
// get-dashboard.ts), copied as plain SQL text with $n parameters and sent over plain pg, then
// summed into the same shape. Keep the SQL equal to getDashboard's when that changes.

/** Timestamps are stored as UTC without a zone: compare against a UTC wall-clock value. */
const ts = (n: number) => `($${n}::timestamptz AT TIME ZONE 'UTC')`;
const OPEN = `r.status = ANY($1::"RequestStatus"[])`;

const STATUS_TYPE = `
  SELECT r.status::text AS status, r.type::text AS type, count(*)::int AS n
  FROM "Request" r WHERE ${OPEN} GROUP BY r.status, r.type`;
const JURISDICTIONS = `
  SELECT j::text AS j, count(*)::int AS n
  FROM "Request" r CROSS JOIN LATERAL unnest(r.jurisdictions) j
  WHERE ${OPEN} GROUP BY j`;
// $2 now, $3 now + 3 days.
const DEADLINES = `
  SELECT
    count(*) FILTER (WHERE COALESCE(r."extendedDueAt", r."dueAt") < ${ts(2)})::int AS overdue,
    count(*) FILTER (WHERE COALESCE(r."extendedDueAt", r."dueAt") >= ${ts(2)}
                       AND COALESCE(r."extendedDueAt", r."dueAt") < ${ts(3)})::int AS soon,
    count(*) FILTER (WHERE r."acknowledgedAt" IS NULL
                       AND r."ackDueAt" < ${ts(2)})::int AS ack
  FROM "Request" r WHERE ${OPEN}`;
const WORKLOAD = `
  SELECT r."assigneeId" AS "assigneeId", u.name AS name, count(*)::int AS n
  FROM "Request" r LEFT JOIN "User" u ON u.id = r."assigneeId"
  WHERE ${OPEN} GROUP BY r."assigneeId", u.name
  ORDER BY n DESC, u.name NULLS FIRST`;
// $1 now.
const CLOSE_TIMES = `
  SELECT w.days AS "windowDays", r.type::text AS type, count(*)::int AS n,
    percentile_cont(0.5) WITHIN GROUP (
      ORDER BY extract(epoch FROM r."closedAt" - r."receivedAt")::float8) AS p50,
    percentile_cont(0.9) WITHIN GROUP (
      ORDER BY extract(epoch FROM r."closedAt" - r."receivedAt")::float8) AS p90
  FROM (VALUES (30), (90)) w(days)
  JOIN "Request" r ON r."closedAt" >= ${ts(1)} - make_interval(days => w.days)
    AND r."closedAt" <= ${ts(1)}
  WHERE r.status = 'COMPLETED'
  GROUP BY w.days, r.type`;
// $1 first Monday, $2 the end of the last week.
const WEEKLY = `
  SELECT 'in' AS kind,
    to_char(date_trunc('week', r."receivedAt" + interval '9 hours'), 'YYYY-MM-DD') AS week,
    count(*)::int AS n
  FROM "Request" r WHERE r."receivedAt" >= ${ts(1)} AND r."receivedAt" < ${ts(2)}
  GROUP BY 2
  UNION ALL
  SELECT 'out',
    to_char(date_trunc('week', r."closedAt" + interval '9 hours'), 'YYYY-MM-DD'),
    count(*)::int
  FROM "Request" r WHERE r."closedAt" >= ${ts(1)} AND r."closedAt" < ${ts(2)}
  GROUP BY 2`;

const TYPES = [
  "DISCLOSURE",
  "PROVISION_RECORDS",
  "PURPOSE_NOTIFICATION",
  "CORRECTION",
  "SUSPENSION_ERASURE",
  "STOP_PROVISION",
];
const JURISDICTION_ORDER = ["JP", "EU", "UK", "US_CA", "KR", "BR"];

function counts(rows: { key: string; n: number }[], order: readonly string[]) {
  const map = new Map<string, number>();
  for (const r of rows) map.set(r.key, (map.get(r.key) ?? 0) + r.n);
  return order.filter((k) => map.has(k)).map((key) => ({ key, count: map.get(key)! }));
}

export async function floorFigures(db: pg.Pool, now: Date): Promise<Dashboard> {
  const open = [...OPEN_STATUSES];
  const iso = (d: Date) => d.toISOString();
  const weekList = dashboardWeeks(now);
  const first = jstDayStart(weekList[0]!);
  const end = new Date(jstDayStart(weekList[weekList.length - 1]!).getTime() + 7 * 86_400_000);
  const soon = new Date(now.getTime() + 3 * 86_400_000);
  const [statusType, jurisdictions, deadlines, workload, closeTimes, weekly] = await Promise.all([
    db.query<{ status: string; type: string; n: number }>(STATUS_TYPE, [open]),
    db.query<{ j: string; n: number }>(JURISDICTIONS, [open]),
    db.query<{ overdue: number; soon: number; ack: number }>(DEADLINES, [
      open,
      iso(now),
      iso(soon),
    ]),
    db.query<{ assigneeId: string | null; name: string | null; n: number }>(WORKLOAD, [open]),
    db.query<{ windowDays: number; type: string; n: number; p50: number; p90: number }>(
      CLOSE_TIMES,
      [iso(now)],
    ),
    db.query<{ kind: "in" | "out"; week: string; n: number }>(WEEKLY, [iso(first), iso(end)]),
  ]);
  const d = deadlines.rows[0] ?? { overdue: 0, soon: 0, ack: 0 };
  const weeks = new Map(weekList.map((w) => [w, { week: w, intake: 0, closed: 0 }]));
  for (const row of weekly.rows) {
    const bucket = weeks.get(row.week);
    if (bucket) bucket[row.kind === "in" ? "intake" : "closed"] = row.n;
  }
  return {
    now,
    open: statusType.rows.reduce((a, r) => a + r.n, 0),
    byStatus: counts(
      statusType.rows.map((r) => ({ key: r.status, n: r.n })),
      OPEN_STATUSES,
    ),
    byType: counts(
      statusType.rows.map((r) => ({ key: r.type, n: r.n })),
      TYPES,
    ),
    byJurisdiction: counts(
      jurisdictions.rows.map((r) => ({ key: r.j, n: r.n })),
      JURISDICTION_ORDER,
    ),
    overdue: d.overdue,
    dueSoon: d.soon,
    ackOverdue: d.ack,
    workload: workload.rows.map((w) => ({ assigneeId: w.assigneeId, name: w.name, count: w.n })),
    closeTimes: closeTimes.rows
      .map((c) => ({
        windowDays: c.windowDays === 30 ? (30 as const) : (90 as const),
        type: c.type,
        count: c.n,
        median: c.p50 / 86_400,
        p90: c.p90 / 86_400,
      }))
      .sort((a, b) => a.windowDays - b.windowDays || TYPES.indexOf(a.type) - TYPES.indexOf(b.type)),
    weeks: [...weeks.values()],
  };
}
