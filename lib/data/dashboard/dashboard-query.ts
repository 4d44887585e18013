import { REQUEST_TYPES } from "@/lib/requests/vocabulary";
import { OPEN_STATUSES } from "@/lib/requests/lifecycle";
import { JURISDICTIONS } from "@/lib/validation/queue";

import { dashboardWeeks, jstDayStart } from "./weeks";

// The manager dashboard's figures as six parameterised SQL queries and the sums over their rows,
// run by the data layer (getDashboard, over the app's pool) and by the benchmark floor
// (app/bench/dashboard-floor, over plain pg) alike. Definitions:
// - open: status in OPEN_STATUSES; a request's due date is COALESCE(extendedDueAt, dueAt).
// - overdue: open and due before `now`; due within 3 days: open and due in [now, now + 3 days).
// - acknowledgement overdue: open, not acknowledged to the requester (acknowledgedAt is set when
//   the acknowledgement mail goes out with the request), and past ackDueAt, which the deadline
//   engine derives at filing from the policies that ask for one (US-CA: 10 business days).
// - time to close: COMPLETED requests closed in the last 30 / 90 days, closedAt − receivedAt.
// - weekly trend: the last 12 weeks (Monday to Sunday, Japan time), intake by receivedAt and
//   closures (completed or withdrawn) by closedAt.

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

interface SqlQuery {
  text: string;
  values: unknown[];
}

/** The rows each query returns, in the order of dashboardQueries. */
export type DashboardRows = [
  { status: string; type: string; n: number }[],
  { j: string; n: number }[],
  { overdue: number; soon: number; ack: number }[],
  { assigneeId: string | null; name: string | null; n: number }[],
  { windowDays: number; type: string; n: number; p50: number; p90: number }[],
  { kind: "in" | "out"; week: string; n: number }[],
];

/** Timestamps are stored as UTC without a zone: compare against a UTC wall-clock value. */
const ts = (n: number) => `($${n}::timestamptz AT TIME ZONE 'UTC')`;
const OPEN = `r.status = ANY($1::"RequestStatus"[])`;

function weekRange(now: Date) {
  const weeks = dashboardWeeks(now);
  const first = jstDayStart(weeks[0]!);
  const end = new Date(jstDayStart(weeks[weeks.length - 1]!).getTime() + 7 * 86_400_000);
  return { weeks, first, end };
}

/** The six queries behind the figures at `now`. */
export function dashboardQueries(now: Date): SqlQuery[] {
  const open = [...OPEN_STATUSES];
  const soon = new Date(now.getTime() + 3 * 86_400_000);
  const { first, end } = weekRange(now);
  const iso = (d: Date) => d.toISOString();
  return [
    {
      text: `SELECT r.status::text AS status, r.type::text AS type, count(*)::int AS n
        FROM "Request" r WHERE ${OPEN} GROUP BY r.status, r.type`,
      values: [open],
    },
    {
      text: `SELECT j::text AS j, count(*)::int AS n
        FROM "Request" r CROSS JOIN LATERAL unnest(r.jurisdictions) j
        WHERE ${OPEN} GROUP BY j`,
      values: [open],
    },
    {
      text: `SELECT
          count(*) FILTER (WHERE COALESCE(r."extendedDueAt", r."dueAt") < ${ts(2)})::int AS overdue,
          count(*) FILTER (WHERE COALESCE(r."extendedDueAt", r."dueAt") >= ${ts(2)}
                             AND COALESCE(r."extendedDueAt", r."dueAt") < ${ts(3)})::int AS soon,
          count(*) FILTER (WHERE r."acknowledgedAt" IS NULL
                             AND r."ackDueAt" < ${ts(2)})::int AS ack
        FROM "Request" r WHERE ${OPEN}`,
      values: [open, iso(now), iso(soon)],
    },
    {
      text: `SELECT r."assigneeId" AS "assigneeId", u.name AS name, count(*)::int AS n
        FROM "Request" r LEFT JOIN "User" u ON u.id = r."assigneeId"
        WHERE ${OPEN} GROUP BY r."assigneeId", u.name
        ORDER BY n DESC, u.name NULLS FIRST`,
      values: [open],
    },
    {
      text: `SELECT w.days AS "windowDays", r.type::text AS type, count(*)::int AS n,
          percentile_cont(0.5) WITHIN GROUP (
            ORDER BY extract(epoch FROM r."closedAt" - r."receivedAt")::float8) AS p50,
          percentile_cont(0.9) WITHIN GROUP (
            ORDER BY extract(epoch FROM r."closedAt" - r."receivedAt")::float8) AS p90
        FROM (VALUES (30), (90)) w(days)
        JOIN "Request" r ON r."closedAt" >= ${ts(1)} - make_interval(days => w.days)
          AND r."closedAt" <= ${ts(1)}
        WHERE r.status = 'COMPLETED'
        GROUP BY w.days, r.type`,
      values: [iso(now)],
    },
    {
      text: `SELECT 'in' AS kind,
          to_char(date_trunc('week', r."receivedAt" + interval '9 hours'), 'YYYY-MM-DD') AS week,
          count(*)::int AS n
        FROM "Request" r WHERE r."receivedAt" >= ${ts(1)} AND r."receivedAt" < ${ts(2)}
        GROUP BY 2
        UNION ALL
        SELECT 'out',
          to_char(date_trunc('week', r."closedAt" + interval '9 hours'), 'YYYY-MM-DD'),
          count(*)::int
        FROM "Request" r WHERE r."closedAt" >= ${ts(1)} AND r."closedAt" < ${ts(2)}
        GROUP BY 2`,
      values: [iso(first), iso(end)],
    },
  ];
}

// Rows in the order the forms and the queue list them.
const TYPE_ORDER: readonly string[] = REQUEST_TYPES;
const JURISDICTION_ORDER: readonly string[] = JURISDICTIONS;

function counts(rows: { key: string; n: number }[], order: readonly string[]): Count[] {
  const map = new Map<string, number>();
  for (const r of rows) map.set(r.key, (map.get(r.key) ?? 0) + r.n);
  return order.filter((k) => map.has(k)).map((key) => ({ key, count: map.get(key)! }));
}

/** The figures from the six queries' rows. */
export function assembleDashboard(now: Date, rows: DashboardRows): Dashboard {
  const [statusType, jurisdictions, deadlines, workload, closeTimes, weekly] = rows;
  const d = deadlines[0] ?? { overdue: 0, soon: 0, ack: 0 };
  const weeks = new Map(weekRange(now).weeks.map((w) => [w, { week: w, intake: 0, closed: 0 }]));
  for (const row of weekly) {
    const bucket = weeks.get(row.week);
    if (bucket) bucket[row.kind === "in" ? "intake" : "closed"] = row.n;
  }
  return {
    now,
    open: statusType.reduce((a, r) => a + r.n, 0),
    byStatus: counts(
      statusType.map((r) => ({ key: r.status, n: r.n })),
      OPEN_STATUSES,
    ),
    byType: counts(
      statusType.map((r) => ({ key: r.type, n: r.n })),
      TYPE_ORDER,
    ),
    byJurisdiction: counts(
      jurisdictions.map((r) => ({ key: r.j, n: r.n })),
      JURISDICTION_ORDER,
    ),
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
    weeks: [...weeks.values()],
  };
}
