import { REQUEST_TYPES } from "@/lib/requests/vocabulary";
import { OPEN_STATUSES } from "@/lib/requests/lifecycle";
import { JURISDICTIONS } from "@/lib/validation/queue";

import { TALLIES } from "@/lib/data/tallies";
import { todayInJapan } from "@/lib/validation/queue";

import { addDays, dashboardWeeks, jstDayStart } from "./weeks";

// The manager dashboard's figures, read at a cost that does not grow with history (issue 17), by
// the data layer (getDashboard, over the app's pool) and by the benchmark floor
// (app/bench/dashboard-floor, over plain pg) alike:
// - counts from the tallies the database keeps on every change to a request, in the change's own
//   transaction (prisma/migrations/*_tallies: "Tally" plus the deltas not folded
//   in yet, summed in one statement); deadline counts are whole hours from the tallies plus the
//   current hour's edge counted through partial indexes;
// - time to close from a snapshot of the day (close_time_snapshot(), built on the first view of a
//   day, dropped when an earlier closure changes).
// recountQueries computes every figure from the requests themselves (the tests prove the two
// equal after random and concurrent changes). Definitions:
// - open: status in OPEN_STATUSES; a request's due date is COALESCE(extendedDueAt, dueAt).
// - overdue: open and due before `now`; due within 3 days: open and due in [now, now + 3 days).
// - acknowledgement overdue: open, not acknowledged to the requester (acknowledgedAt is set when
//   the acknowledgement mail goes out with the request), and past ackDueAt, which the deadline
//   engine derives at filing from the policies that ask for one (US-CA: 10 business days).
// - time to close: COMPLETED requests closed in the 30 / 90 complete days (Japan time) before
//   today, closedAt − receivedAt.
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

export interface SqlQuery {
  text: string;
  values: unknown[];
}
/** Runs one query and returns its rows: the app's pool, or plain pg in the benchmark floor. */
export type RunQuery = <T>(query: SqlQuery) => Promise<T[]>;

/** The rows each recount query returns, in the order of recountQueries. */
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
/** The same condition as a literal, which the planner matches to the partial indexes. */
const OPEN_LITERAL = `r.status = ANY (ARRAY[${OPEN_STATUSES.map((s) => `'${s}'`).join(", ")}]::"RequestStatus"[])`;

function weekRange(now: Date) {
  const weeks = dashboardWeeks(now);
  const first = jstDayStart(weeks[0]!);
  const end = new Date(jstDayStart(weeks[weeks.length - 1]!).getTime() + 7 * 86_400_000);
  return { weeks, first, end };
}

/** 00:00 Japan time of the day of `now`: time to close counts the complete days before it. */
export function closeTimeDay(now: Date): Date {
  return jstDayStart(todayInJapan(now));
}

/** Every figure at `now` from the requests themselves: six scans that grow with history. */
export function recountQueries(now: Date): SqlQuery[] {
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
          AND r."closedAt" < ${ts(1)}
        WHERE r.status = 'COMPLETED'
        GROUP BY w.days, r.type`,
      values: [iso(closeTimeDay(now))],
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

// ---- The tallies ------------------------------------------------------------------------------

const HOUR = 3_600_000;
/** A tally's hour key (UTC, as the timestamps are stored): YYYY-MM-DDTHH. */
const hourKey = (d: Date) => d.toISOString().slice(0, 13);
const floorHour = (d: Date) => new Date(Math.floor(d.getTime() / HOUR) * HOUR);

/**
 * Open requests due in [from, to): with no extension by dueAt (Request_open_due_idx), extended by
 * extendedDueAt (Request_open_extended_due_idx). Only ever asked of one hour's span.
 */
function dueBetween(from: number, to: number) {
  return `((SELECT count(*) FROM "Request" r WHERE ${OPEN_LITERAL} AND r."extendedDueAt" IS NULL
      AND r."dueAt" >= ${ts(from)} AND r."dueAt" < ${ts(to)})
    + (SELECT count(*) FROM "Request" r WHERE ${OPEN_LITERAL} AND r."extendedDueAt" IS NOT NULL
      AND r."extendedDueAt" >= ${ts(from)} AND r."extendedDueAt" < ${ts(to)}))::int`;
}

/**
 * The figures at `now` from the tallies: each query's cost is set by keys, not by requests.
 * `build` runs the one query that may write (the day's time-to-close snapshot, on its first view).
 */
export async function readDashboard(
  run: RunQuery,
  now: Date,
  build: RunQuery = run,
): Promise<Dashboard> {
  const soon = new Date(now.getTime() + 3 * 86_400_000);
  const { weeks } = weekRange(now);
  const iso = (d: Date) => d.toISOString();
  const [tallies, deadlines, workload, closeTimes] = await Promise.all([
    // Counts by key, and the whole hours before now (due, ack) and before now + 3 days (due).
    run<{ dimension: string; key: string; n: number }>({
      text: `SELECT t.dimension, t.key, sum(t.n)::int AS n FROM ${TALLIES} t
          WHERE t.dimension IN ('request:open', 'request:jurisdiction')
             OR (t.dimension IN ('request:intake', 'request:closed')
               AND t.key >= $1 AND t.key < $2)
          GROUP BY t.dimension, t.key HAVING sum(t.n) <> 0
        UNION ALL
        SELECT t.dimension || CASE WHEN t.key < $3 THEN ':past' ELSE ':soon' END, '',
            sum(t.n)::int
          FROM ${TALLIES} t
          WHERE (t.dimension = 'request:due' AND t.key < $4)
             OR (t.dimension = 'request:ack' AND t.key < $3)
          GROUP BY 1`,
      values: [weeks[0], addDays(weeks[weeks.length - 1]!, 7), hourKey(now), hourKey(soon)],
    }),
    // The edges: the part of the current hour before now, and of the hour of now + 3 days.
    run<{ dueNow: number; dueSoon: number; ackNow: number }>({
      text: `SELECT ${dueBetween(1, 2)} AS "dueNow", ${dueBetween(3, 4)} AS "dueSoon",
        (SELECT count(*) FROM "Request" r WHERE ${OPEN_LITERAL} AND r."acknowledgedAt" IS NULL
          AND r."ackDueAt" >= ${ts(1)} AND r."ackDueAt" < ${ts(2)})::int AS "ackNow"`,
      values: [iso(floorHour(now)), iso(now), iso(floorHour(soon)), iso(soon)],
    }),
    run<{ assigneeId: string | null; name: string | null; n: number }>({
      text: `SELECT nullif(t.key, '') AS "assigneeId", u.name AS name, sum(t.n)::int AS n
        FROM ${TALLIES} t LEFT JOIN "User" u ON u.id = nullif(t.key, '')
        WHERE t.dimension = 'request:assignee'
        GROUP BY t.key, u.name HAVING sum(t.n) <> 0
        ORDER BY n DESC, u.name NULLS FIRST`,
      values: [],
    }),
    closeTimeRows(run, build, closeTimeDay(now)),
  ]);
  const sum = (dimension: string) =>
    tallies.filter((t) => t.dimension === dimension).reduce((a, t) => a + t.n, 0);
  const edges = deadlines[0] ?? { dueNow: 0, dueSoon: 0, ackNow: 0 };
  const rows: DashboardRows = [
    tallies
      .filter((t) => t.dimension === "request:open")
      .map((t) => {
        const [status, type] = t.key.split(" ") as [string, string];
        return { status, type, n: t.n };
      }),
    tallies
      .filter((t) => t.dimension === "request:jurisdiction")
      .map((t) => ({ j: t.key, n: t.n })),
    [
      {
        overdue: sum("request:due:past") + edges.dueNow,
        soon: sum("request:due:soon") - edges.dueNow + edges.dueSoon,
        ack: sum("request:ack:past") + edges.ackNow,
      },
    ],
    workload,
    closeTimes,
    weeklyRows(tallies),
  ];
  return assembleDashboard(now, rows);
}

/**
 * The staff workspace's figures from the tallies (components/layout/workspace-shell.tsx): open
 * requests, those assigned to `userId`, and those overdue at `now`, at a cost set by keys.
 */
export function workspaceCountsQuery(now: Date, userId: string): SqlQuery {
  const sum = (where: string) =>
    `(SELECT coalesce(sum(t.n), 0)::int FROM ${TALLIES} t WHERE ${where})`;
  return {
    text: `SELECT ${sum(`t.dimension = 'request:open'`)} AS open,
      ${sum(`t.dimension = 'request:assignee' AND t.key = $4`)} AS mine,
      ${sum(`t.dimension = 'request:due' AND t.key < $3`)} + ${dueBetween(1, 2)} AS overdue`,
    values: [floorHour(now).toISOString(), now.toISOString(), hourKey(now), userId],
  };
}

/** Intake and closures by day, summed into their weeks (Monday, Japan time). */
function weeklyRows(tallies: { dimension: string; key: string; n: number }[]) {
  const weeks = new Map<string, { kind: "in" | "out"; week: string; n: number }>();
  for (const t of tallies) {
    if (t.dimension !== "request:intake" && t.dimension !== "request:closed") continue;
    const dow = new Date(`${t.key}T00:00:00Z`).getUTCDay();
    const week = addDays(t.key, -((dow + 6) % 7));
    const kind = t.dimension === "request:intake" ? "in" : "out";
    const row = weeks.get(`${kind} ${week}`) ?? { kind, week, n: 0 };
    row.n += t.n;
    weeks.set(`${kind} ${week}`, row);
  }
  return [...weeks.values()];
}

type CloseTimeRow = DashboardRows[4][number];

/** The day's time-to-close snapshot, built by the database on the day's first view. */
async function closeTimeRows(run: RunQuery, build: RunQuery, day: Date): Promise<CloseTimeRow[]> {
  const at = day.toISOString();
  const stored = await run<{ rows: CloseTimeRow[] }>({
    text: `SELECT rows FROM "CloseTimeSnapshot" WHERE day = ${ts(1)}`,
    values: [at],
  });
  if (stored[0]) return stored[0].rows;
  const built = await build<{ rows: CloseTimeRow[] }>({
    text: `SELECT close_time_snapshot(${ts(1)}) AS rows`,
    values: [at],
  });
  return built[0]?.rows ?? [];
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
