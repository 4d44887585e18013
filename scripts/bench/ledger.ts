// Benchmark of the subject's ledger page (issue 3, "Done when"): a subject with 10,000 entries
// among 1,000,000, 10 concurrent clients, the page's p50/p95/p99 beside its floor
// (app/bench/ledger-floor: the same SQL over plain pg, the same rows), and the data function's
// own query time beside the raw SQL's. Not a timed test: it prints figures and PASS/FAIL.
//
//   NEXT_DIST_DIR=.next-bench npx next build      (once, or pass --build)
//   tsx --conditions=react-server scripts/bench/ledger.ts [--build] [--requests 400]
import { parseArgs } from "node:util";

import pg from "pg";

import { LEDGER_PAGE_SIZE } from "../../lib/ledger/filter";

import { buildApp, startApp } from "./app-server";
import { dataAgainstRaw, ms, pageAgainstFloor, ROUNDS, type Stats } from "./load";
import {
  BENCH_SUBJECT_ID,
  BENCH_USER_ID,
  reuseBenchDatabase,
  seedBenchDatabase,
} from "./seed-ledger";

const { values: args } = parseArgs({
  options: {
    build: { type: "boolean", default: false },
    // Skips re-seeding when dsar_bench is already there (for repeated runs while tuning).
    reuse: { type: "boolean", default: false },
    requests: { type: "string", default: "400" },
    rounds: { type: "string", default: String(ROUNDS) },
    port: { type: "string", default: "3290" },
    total: { type: "string", default: "1000000" },
  },
});
const distDir = process.env.NEXT_DIST_DIR ?? ".next-bench";
const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const CLIENTS = 10;
const log = (line: string) => console.log(line);

if (args.build) buildApp(distDir);

const { url, sessionToken } = args.reuse
  ? await reuseBenchDatabase(adminUrl.replace(/\/[^/]*$/, "/dsar_bench"))
  : await seedBenchDatabase({
      adminUrl,
      name: "dsar_bench",
      total: Number(args.total),
      heavy: 10_000,
      log: (line) => log(`Seeding dsar_bench… ${line.trim()}`),
    });
const cookie = `authjs.session-token=${sessionToken}`;

// A cursor deep inside the 10,000 entries, for the "page 100" scenario.
const pool = new pg.Pool({ connectionString: url, max: 10 });
const deep = await pool.query<{ at: string; id: string }>(
  `SELECT to_char("providedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, id FROM "ProvisionRecord"
   WHERE "subjectId" = $1 ORDER BY "providedAt" DESC, id DESC OFFSET 4999 LIMIT 1`,
  [BENCH_SUBJECT_ID],
);
const deepCursor = `${deep.rows[0]!.at}~${deep.rows[0]!.id}`;

const { base, stop } = await startApp({ port: args.port, distDir, databaseUrl: url });

// Rows in the HTML itself: the RSC payload repeats them with escaped quotes (data-entry=\").
const rowsOf = (body: string) => body.split('data-entry="').length - 1;
const expectRows = (n: number) => (body: string) => {
  if (rowsOf(body) !== n) throw new Error(`expected ${n} rows, got ${rowsOf(body)}`);
};
const scenarios = [
  { name: "first page", query: "" },
  { name: "page 101 (keyset)", query: `?after=${encodeURIComponent(deepCursor)}` },
  { name: "filtered (class)", query: "?recipientClass=FOREIGN_THIRD_PARTY" },
];
const requests = Number(args.requests);
const rounds = Number(args.rounds);
const results: { name: string; page: Stats; floor: Stats }[] = [];
for (const s of scenarios) {
  const measured = await pageAgainstFloor({
    page: {
      url: `${base}/ja/me/ledger${s.query}`,
      cookie,
      clients: CLIENTS,
      check: expectRows(LEDGER_PAGE_SIZE),
    },
    floorUrl: `${base}/bench/ledger-floor${s.query}`,
    requests,
    rounds,
  });
  results.push({ name: s.name, ...measured });
}
stop();

// The data function's own query time beside the raw SQL's (sequential, in this process).
process.env.DATABASE_URL = url;
const { listMyProvisions } = await import("../../lib/data/ledger/list-my-provisions");
const { ledgerCountQuery, ledgerPageQuery, subjectOfUserQuery } =
  await import("../../lib/ledger/query");
const actor = {
  userId: BENCH_USER_ID,
  role: "SUBJECT" as const,
  email: "bench@example.jp",
  ip: null,
  passkeyAt: new Date(),
};
// The raw side pays for the subject lookup too, as the data function does.
const raw = async () => {
  const own = subjectOfUserQuery(BENCH_USER_ID);
  const subjectId = (await pool.query<{ id: string }>(own.text, own.values)).rows[0]!.id;
  const p = ledgerPageQuery({ subjectId, filter: {}, limit: LEDGER_PAGE_SIZE + 1 });
  const c = ledgerCountQuery({ subjectId, filter: {} });
  return Promise.all([pool.query(p.text, p.values), pool.query(c.text, c.values)]);
};
const data = () => listMyProvisions({ actor, filter: {} });
const q = await dataAgainstRaw(data, raw);
await pool.end();

const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
let failed = false;
log(`\nLedger page vs floor — ${CLIENTS} concurrent clients, ${requests} requests each`);
log(
  `${"scenario".padEnd(20)}${"target".padEnd(8)}${"p50".padStart(10)}${"p95".padStart(10)}${"p99".padStart(10)}`,
);
for (const r of results) {
  for (const [label, s] of [
    ["page", r.page],
    ["floor", r.floor],
  ] as const)
    log(`${r.name.padEnd(20)}${label.padEnd(8)}${ms(s.p50)}${ms(s.p95)}${ms(s.p99)}`);
  const ratio = r.page.p95 / r.floor.p95;
  const a = ratio <= 1.5;
  const b = r.page.p95 <= 150;
  failed ||= !a || !b;
  log(`  ${verdict(a)} p95 ≤ 1.5× floor p95 (${ratio.toFixed(2)}×)   ${verdict(b)} p95 ≤ 150 ms`);
}
const qRatio = q.data.p50 / q.raw.p50;
failed ||= qRatio > 2;
log(
  `\nQuery time (first page, sequential): data function p50${ms(q.data.p50)} p95${ms(q.data.p95)}`,
);
log(`                                     raw SQL (pg)  p50${ms(q.raw.p50)} p95${ms(q.raw.p95)}`);
log(`  ${verdict(qRatio <= 2)} data query ≤ 2× raw SQL (${qRatio.toFixed(2)}× at p50)`);
process.exit(failed ? 1 : 0);
