// Benchmark of the manager dashboard's data function (issue 5, "Done when"): over the queue
// benchmark's database (100,000 requests, scripts/bench/seed-queue.ts), the server time of
// getDashboard — every figure the page shows — over sequential calls, p50/p95/p99, PASS/FAIL for
// p95 ≤ 300 ms. Not a timed test: it prints figures and PASS/FAIL.
//
//   tsx --conditions=react-server scripts/bench/dashboard.ts [--fresh] [--calls 200]
import { parseArgs } from "node:util";

import { ms, stats, timeEach } from "./load";
import { BENCH_STAFF_ID, reuseQueueBenchDatabase, seedQueueBenchDatabase } from "./seed-queue";

const { values: args } = parseArgs({
  options: {
    // Re-seeds dsar_bench_queue even when it is already there.
    fresh: { type: "boolean", default: false },
    calls: { type: "string", default: "200" },
    total: { type: "string", default: "100000" },
  },
});
const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const url = adminUrl.replace(/\/[^/]*$/, "/dsar_bench_queue");
const log = (line: string) => console.log(line);

const seed = () =>
  seedQueueBenchDatabase({
    adminUrl,
    name: "dsar_bench_queue",
    total: Number(args.total),
    log: (line) => log(`Seeding dsar_bench_queue… ${line.trim()}`),
  });
const seeded = args.fresh
  ? await seed()
  : await reuseQueueBenchDatabase(url).catch((error: unknown) => {
      log(`No reusable dsar_bench_queue (${String(error)}): seeding it.`);
      return seed();
    });

process.env.DATABASE_URL = seeded.url;
const { getDashboard } = await import("../../lib/data/dashboard/get-dashboard");
const actor = {
  userId: BENCH_STAFF_ID,
  role: "MANAGER" as const,
  email: "bench@example.jp",
  ip: null,
  passkeyAt: new Date(),
};
const call = () => getDashboard({ actor });

const sample = await call();
await timeEach(20, call);
const s = stats(await timeEach(Number(args.calls), call));
const total = seeded.open + seeded.closed;
log(`\nData: ${total} requests, ${seeded.open} open, ${seeded.closed} closed`);
log(
  `Dashboard figures: open ${sample.open}, overdue ${sample.overdue}, due in 3 days ${sample.dueSoon}, ack overdue ${sample.ackOverdue}, ${sample.workload.length} assignees, ${sample.closeTimes.length} close-time rows, ${sample.weeks.length} weeks`,
);
log(`getDashboard, ${s.n} sequential calls: p50${ms(s.p50)} p95${ms(s.p95)} p99${ms(s.p99)}`);
const ok = s.p95 <= 300;
log(`  ${ok ? "PASS" : "FAIL"} p95 ≤ 300 ms`);
process.exit(ok ? 0 : 1);
