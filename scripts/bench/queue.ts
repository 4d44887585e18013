// Benchmark of the staff queue page (issue 4, "Done when"): 100,000 requests (20,000 open), 10
// concurrent clients, the page's p50/p95/p99 beside its floor (app/bench/queue-floor: the same
// SQL over plain pg, the same rows), and the data function's own query time beside the raw SQL's.
// Not a timed test: it prints figures and PASS/FAIL.
//
//   NEXT_DIST_DIR=.next-bench-queue npx next build      (once, or pass --build)
//   tsx --conditions=react-server scripts/bench/queue.ts [--build] [--requests 400]
import { parseArgs } from "node:util";

import pg from "pg";

import {
  OPEN_STATUS_SQL,
  queueCountQuery,
  queuePageQuery,
} from "../../lib/data/requests/queue-query";
import { QUEUE_PAGE_SIZE } from "../../lib/validation/queue";

import { buildApp, startApp } from "./app-server";
import { dataAgainstRaw, ms, pageAgainstFloor, ROUNDS, stats, timeEach, type Stats } from "./load";
import { BENCH_STAFF_ID, reuseQueueBenchDatabase, seedQueueBenchDatabase } from "./seed-queue";

const { values: args } = parseArgs({
  options: {
    build: { type: "boolean", default: false },
    // Skips re-seeding when dsar_bench_queue is already there (for repeated runs while tuning).
    reuse: { type: "boolean", default: false },
    requests: { type: "string", default: "400" },
    rounds: { type: "string", default: String(ROUNDS) },
    port: { type: "string", default: "3297" },
    total: { type: "string", default: "100000" },
  },
});
const distDir = process.env.NEXT_DIST_DIR ?? ".next-bench-queue";
const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const CLIENTS = 10;
const log = (line: string) => console.log(line);

if (args.build) buildApp(distDir);

const seeded = args.reuse
  ? await reuseQueueBenchDatabase(adminUrl.replace(/\/[^/]*$/, "/dsar_bench_queue"))
  : await seedQueueBenchDatabase({
      adminUrl,
      name: "dsar_bench_queue",
      total: Number(args.total),
      log: (line) => log(`Seeding dsar_bench_queue… ${line.trim()}`),
    });
const { url, sessionToken } = seeded;
const cookie = `authjs.session-token=${sessionToken}`;

// A cursor deep in the open requests: after 5,000 rows ("page 101"), or nearer the end of a
// smaller queue (--total).
const deepOffset = Math.max(0, Math.min(4999, seeded.open - QUEUE_PAGE_SIZE - 1));
const pool = new pg.Pool({ connectionString: url, max: 10 });
const deep = await pool.query<{ at: string; id: string }>(
  `SELECT to_char("dueAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, id FROM "Request" r
   WHERE ${OPEN_STATUS_SQL}
   ORDER BY "dueAt", id OFFSET ${deepOffset} LIMIT 1`,
);
const deepCursor = `${deep.rows[0]!.at}~${deep.rows[0]!.id}`;

const { base, stop } = await startApp({ port: args.port, distDir, databaseUrl: url });

const rowsOf = (body: string) => body.split("data-row=").length - 1;
const expectRows = (n: number) => (body: string) => {
  if (rowsOf(body) !== n) throw new Error(`expected ${n} rows, got ${rowsOf(body)}`);
};
const scenarios = [
  { name: "first page", query: "" },
  {
    name: `page ${Math.floor(deepOffset / QUEUE_PAGE_SIZE) + 2} (keyset)`,
    query: `?after=${encodeURIComponent(deepCursor)}`,
  },
  { name: "filtered (2 filters)", query: "?type=DISCLOSURE&assignee=unassigned" },
];
const requests = Number(args.requests);
const rounds = Number(args.rounds);
const results: { name: string; page: Stats; floor: Stats }[] = [];
for (const s of scenarios) {
  const measured = await pageAgainstFloor({
    page: {
      url: `${base}/ja/staff${s.query}`,
      cookie,
      clients: CLIENTS,
      check: expectRows(QUEUE_PAGE_SIZE),
    },
    floorUrl: `${base}/bench/queue-floor${s.query}`,
    requests,
    rounds,
  });
  results.push({ name: s.name, ...measured });
}
stop();

// The data function's own query time beside the raw SQL's (sequential, in this process), and
// the page and count queries apart, to see which one the time goes to.
process.env.DATABASE_URL = url;
const { listQueue } = await import("../../lib/data/requests/list-queue");
const actor = {
  userId: BENCH_STAFF_ID,
  role: "STAFF" as const,
  email: "bench@example.jp",
  ip: null,
  passkeyAt: new Date(),
};
const input = { actorId: BENCH_STAFF_ID, filter: {} };
const p = queuePageQuery({ ...input, limit: QUEUE_PAGE_SIZE + 1 });
const c = queueCountQuery(input);
const raw = () => Promise.all([pool.query(p.text, p.values), pool.query(c.text, c.values)]);
const data = () => listQueue({ actor, filter: {} });
const q = await dataAgainstRaw(data, raw);
const pageOnly = stats(await timeEach(200, () => pool.query(p.text, p.values)));
const countOnly = stats(await timeEach(200, () => pool.query(c.text, c.values)));
await pool.end();

const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
let failed = false;
log(
  `\nData: ${seeded.open + seeded.closed} requests, ${seeded.open} open (${((100 * seeded.open) / (seeded.open + seeded.closed)).toFixed(0)}%), ${seeded.closed} closed`,
);
log(`Queue page vs floor — ${CLIENTS} concurrent clients, ${requests} requests each`);
log(
  `${"scenario".padEnd(22)}${"target".padEnd(8)}${"p50".padStart(10)}${"p95".padStart(10)}${"p99".padStart(10)}`,
);
for (const r of results) {
  for (const [label, s] of [
    ["page", r.page],
    ["floor", r.floor],
  ] as const)
    log(`${r.name.padEnd(22)}${label.padEnd(8)}${ms(s.p50)}${ms(s.p95)}${ms(s.p99)}`);
  const ratio = r.page.p95 / r.floor.p95;
  const a = ratio <= 1.5;
  const b = r.page.p95 <= 150;
  failed ||= !a || !b;
  log(`  ${verdict(a)} p95 ≤ 1.5× floor p95 (${ratio.toFixed(2)}×)   ${verdict(b)} p95 ≤ 150 ms`);
}
const qRatio = q.data.p50 / q.raw.p50;
failed ||= qRatio > 2;
log(
  `\nQuery time (first page + count, sequential): data function p50${ms(q.data.p50)} p95${ms(q.data.p95)}`,
);
log(
  `                                             raw SQL (pg)  p50${ms(q.raw.p50)} p95${ms(q.raw.p95)}`,
);
log(`  ${verdict(qRatio <= 2)} data query ≤ 2× raw SQL (${qRatio.toFixed(2)}× at p50)`);
log(
  `  raw SQL apart: page query p50${ms(pageOnly.p50)} p95${ms(pageOnly.p95)}; count query p50${ms(countOnly.p50)} p95${ms(countOnly.p95)}`,
);
process.exit(failed ? 1 : 0);
