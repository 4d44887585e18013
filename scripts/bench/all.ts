// `npm run bench` (issue 6): every benchmark figure side by side in one run, on one database at
// the issue's scale (scripts/bench/seed-scale.ts) and one production build of the app:
//   - the queue page, the subject's ledger page and the manager dashboard under 10 concurrent
//     clients, p50/p95/p99 beside their floors (app/bench/*-floor: the same SQL over plain pg);
//   - the data functions' query time beside the raw SQL's (sequential, in this process);
//   - 60 s of mixed traffic at a fixed 100 requests/s (autocannon, loopback only) on the app as
//     one process per core (--processes), then the capacity climb;
//   - provision ingest through the API against COPY (scripts/bench/ingest.ts, as a child process);
// then one table of every figure against its budget. Not a timed test: it prints figures and
// PASS/FAIL, and exits 1 when a budget is missed.
//
//   npm run bench [-- --reuse] [--build | --keep-build] [--scale small]
//
// --reuse keeps the database of a previous run; the build in .next-bench-all is reused when it is
// newer than the sources (--build forces a build, --keep-build reuses a stale one).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import path from "node:path";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";

import pg from "pg";

import { LEDGER_PAGE_SIZE } from "../../lib/ledger/filter";
import { ledgerCountQuery, ledgerPageQuery, subjectOfUserQuery } from "../../lib/ledger/query";
import { queueCountQuery, queuePageQuery } from "../../lib/data/requests/queue-query";
import { QUEUE_PAGE_SIZE } from "../../lib/validation/queue";
import { floorFigures } from "../../app/bench/dashboard-floor/figures";

import { ensureBuild, startApp } from "./app-server";
import {
  BENCH_APP_ENV,
  benchActor,
  dataAgainstRaw,
  load,
  ms,
  pageAgainstFloor,
  processTreeCpuMs,
  ROUNDS,
  stats,
  type Stats,
} from "./load";
import { BENCH_USER_ID } from "./seed-ledger";
import { BENCH_STAFF_ID } from "./seed-queue";
import {
  BENCH_MANAGER_ID,
  BENCH_REFERENCE,
  describeCounts,
  reuseScaleDatabase,
  SCALES,
  scaleDatabaseName,
  seedScaleDatabase,
  type Scale,
  type ScaleDatabase,
} from "./seed-scale";

const { values: args } = parseArgs({
  options: {
    scale: { type: "string", default: "full" },
    reuse: { type: "boolean", default: false },
    build: { type: "boolean", default: false },
    "keep-build": { type: "boolean", default: false },
    requests: { type: "string", default: "400" },
    rounds: { type: "string", default: String(ROUNDS) },
    duration: { type: "string", default: "60" },
    rate: { type: "string", default: "100" },
    // Seconds at each offered rate of the capacity climb (the mix, then the empty page).
    "step-seconds": { type: "string", default: "10" },
    port: { type: "string", default: "3299" },
    // App processes serving the mix and the capacity climb (WEB_CONCURRENCY): one per core.
    processes: { type: "string", default: String(availableParallelism()) },
    "ingest-port": { type: "string", default: "3295" },
  },
});
if (!(args.scale in SCALES)) throw new Error(`--scale is one of ${Object.keys(SCALES).join(", ")}`);
const scale = args.scale as Scale;
const root = path.resolve(import.meta.dirname, "..", "..");
const distDir = ".next-bench-all";
const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const CLIENTS = 10;
const log = (line: string) => console.log(line);
const seconds = (since: number) => (performance.now() - since) / 1000;
const runStarted = performance.now();

// ---- Seed ------------------------------------------------------------------------------------

async function database(): Promise<{ db: ScaleDatabase; seedSeconds: number | null }> {
  if (args.reuse) {
    log(`Reusing ${scaleDatabaseName(scale)}…`);
    return { db: await reuseScaleDatabase(adminUrl, scale), seedSeconds: null };
  }
  log(`Seeding ${scaleDatabaseName(scale)} (${scale} scale)…`);
  const started = performance.now();
  const db = await seedScaleDatabase({ adminUrl, scale, log });
  const seedSeconds = seconds(started);
  log(`  seeded in ${seedSeconds.toFixed(1)} s`);
  return { db, seedSeconds };
}

// ---- Pages under 10 concurrent clients ----------------------------------------------------------

interface PageBench {
  name: string;
  path: string;
  floor: string;
  cookie: string;
  check: (body: string) => void;
  /** Budgets: p95 in ms, and p95 as a multiple of the floor's (null: none set). */
  p95: number;
  ratio: number | null;
}
interface PageResult {
  bench: PageBench;
  page: Stats;
  floor: Stats;
  /** The server's CPU per request (ms), page and floor, measured over the same rounds. */
  cpu?: { page: number; floor: number };
}

const countOf = (marker: string) => (body: string) => body.split(marker).length - 1;
const expectCount = (marker: string, n: number) => (body: string) => {
  const found = countOf(marker)(body);
  if (found !== n) throw new Error(`expected ${n} × ${marker}, got ${found}`);
};
const expectOpen = (open: number) => (body: string) => {
  const shown = /data-testid="open-count" data-count="(\d+)"/.exec(body)?.[1];
  if (Number(shown) !== open) throw new Error(`expected ${open} open requests, got ${shown}`);
};

function pageBenches(db: ScaleDatabase): PageBench[] {
  const cookie = (token: string) => `authjs.session-token=${token}`;
  return [
    {
      name: "queue",
      path: "/ja/staff",
      floor: "/bench/queue-floor",
      cookie: cookie(db.tokens.staff),
      check: expectCount("data-row=", QUEUE_PAGE_SIZE),
      p95: 150,
      ratio: 1.5,
    },
    {
      name: "ledger",
      path: "/ja/me/ledger",
      floor: "/bench/ledger-floor",
      cookie: cookie(db.tokens.subject),
      // Rows in the HTML itself: the RSC payload repeats them with escaped quotes.
      check: expectCount('data-entry="', LEDGER_PAGE_SIZE),
      p95: 150,
      ratio: 1.5,
    },
    {
      name: "dashboard",
      path: "/ja/manager",
      floor: "/bench/dashboard-floor",
      cookie: cookie(db.tokens.manager),
      check: expectOpen(db.counts.open),
      p95: 300,
      ratio: null,
    },
  ];
}

async function benchPage(base: string, bench: PageBench, pid: number): Promise<PageResult> {
  const measured = await pageAgainstFloor({
    page: {
      url: `${base}${bench.path}`,
      cookie: bench.cookie,
      clients: CLIENTS,
      check: bench.check,
    },
    floorUrl: `${base}${bench.floor}`,
    requests: Number(args.requests),
    rounds: Number(args.rounds),
    cpu: () => processTreeCpuMs(pid),
  });
  return { bench, ...measured };
}

/** The empty page (app/bench/empty): what any page costs here before its own work. */
async function emptyPage(base: string): Promise<Stats> {
  const empty = { url: `${base}/bench/empty`, cookie: "", clients: CLIENTS };
  const check = expectCount("data-empty=", 1);
  await load({ ...empty, check, requests: 40 });
  return stats(await load({ ...empty, check, requests: Number(args.requests) }));
}

function printPages(results: PageResult[], empty: Stats) {
  log(`\nPages under ${CLIENTS} concurrent clients, ${args.requests} requests each (ms)`);
  log(`${"".padEnd(20)}${"p50".padStart(10)}${"p95".padStart(10)}${"p99".padStart(10)}`);
  const x = (v: number) => `${v.toFixed(2)}×`.padStart(10);
  for (const { bench, page, floor, cpu } of results) {
    if (cpu)
      log(
        `${bench.name}: server CPU per request ${cpu.page.toFixed(1)} ms (page), ${cpu.floor.toFixed(1)} ms (floor), ${(cpu.page / cpu.floor).toFixed(2)}×`,
      );
    log(`${`${bench.name} page`.padEnd(20)}${ms(page.p50)}${ms(page.p95)}${ms(page.p99)}`);
    log(`${`${bench.name} floor`.padEnd(20)}${ms(floor.p50)}${ms(floor.p95)}${ms(floor.p99)}`);
    log(
      `${"  page / floor".padEnd(20)}${x(page.p50 / floor.p50)}${x(page.p95 / floor.p95)}${x(page.p99 / floor.p99)}`,
    );
  }
  log(`${"empty page".padEnd(20)}${ms(empty.p50)}${ms(empty.p95)}${ms(empty.p99)}`);
}

// ---- Mixed traffic -------------------------------------------------------------------------------

/** The part of autocannon's result used here. */
interface AutocannonResult {
  errors: number;
  timeouts: number;
  non2xx: number;
}
/** The mixed traffic's figures, merged over the staggered autocannon instances. */
interface MixedResult {
  total: number;
  seconds: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  latency: Stats & { max: number };
}
interface MixedRequest {
  method: "GET";
  path: string;
  headers?: Record<string, string>;
}
// autocannon ships no types; this is the part of its API used here. Without a callback it
// returns an event emitter that is also a promise of the result.
type Run = PromiseLike<AutocannonResult> & {
  on(
    event: "response",
    listener: (client: unknown, status: number, bytes: number, ms: number) => void,
  ): void;
};
const autocannon = createRequire(import.meta.url)("autocannon") as (options: {
  url: string;
  connections: number;
  overallRate: number;
  duration: number;
  requests: MixedRequest[];
}) => Run;

/** The static asset: the first stylesheet the transparency page links to. */
async function staticAsset(base: string): Promise<string> {
  const html = await (await fetch(`${base}/ja/privacy`)).text();
  const asset = /"(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1];
  if (!asset) throw new Error("the transparency page links no stylesheet");
  return asset;
}

/** One cycle of the mix, equal shares: each connection sends these in turn. */
async function mixedRequests(base: string, db: ScaleDatabase): Promise<MixedRequest[]> {
  const as = (token: string) => ({ cookie: `authjs.session-token=${token}` });
  const staff = { method: "GET", path: "/ja/staff", headers: as(db.tokens.staff) } as const;
  const ledger = { method: "GET", path: "/ja/me/ledger", headers: as(db.tokens.subject) } as const;
  const status = {
    method: "GET",
    path: `/ja/me/requests/${BENCH_REFERENCE}`,
    headers: as(db.tokens.subject),
  } as const;
  const dashboard = { method: "GET", path: "/ja/manager", headers: as(db.tokens.manager) } as const;
  const privacy = { method: "GET", path: "/ja/privacy" } as const;
  const asset = { method: "GET", path: await staticAsset(base) } as const;
  return [staff, ledger, dashboard, status, privacy, asset];
}

/** Every path of the mix answers 200 before the clock starts (a wrong cookie would redirect). */
async function preflight(base: string, requests: MixedRequest[]) {
  for (const r of new Set(requests)) {
    const res = await fetch(`${base}${r.path}`, { headers: r.headers, redirect: "manual" });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${r.path}: HTTP ${res.status} before the mix`);
  }
}

// autocannon starts every connection's per-second budget on the same tick, so one instance at
// 100/s sends its requests in a burst at the top of each second. SLICES instances, each with
// its share of the rate and started 1/SLICES of a second apart, spread the arrivals evenly. Each
// connection sends up to 2 a second, one at a time: at most rate / 2 requests are in flight, and
// when the app answers slower than that allows, the achieved rate (printed) falls below the rate.
const SLICES = 10;

/** `rate` requests/s of `requests` in turn for `seconds`, over staggered autocannon instances. */
async function offer(
  base: string,
  requests: MixedRequest[],
  rate: number,
  seconds: number,
): Promise<MixedResult> {
  const connections = Math.ceil(rate / SLICES / 2);
  const samples: number[] = [];
  const runs = Array.from({ length: SLICES }, async (_, i) => {
    await new Promise((r) => setTimeout(r, (i * 1000) / SLICES));
    const run = autocannon({
      url: base,
      connections,
      overallRate: rate / SLICES,
      duration: seconds,
      requests,
    });
    run.on("response", (_client, _status, _bytes, ms) => samples.push(ms));
    return run; // a promise of its result
  });
  const results = await Promise.all(runs);
  const sum = (key: keyof AutocannonResult) => results.reduce((a, r) => a + r[key], 0);
  return {
    total: samples.length,
    // Each instance runs for the duration; the last starts 0.9 s after the first.
    seconds,
    errors: sum("errors"),
    timeouts: sum("timeouts"),
    non2xx: sum("non2xx"),
    latency: { ...stats(samples), max: Math.max(...samples) },
  };
}

async function mixedTraffic(base: string, db: ScaleDatabase): Promise<MixedResult> {
  if (new URL(base).hostname !== "127.0.0.1") throw new Error("mixed traffic is loopback only");
  const requests = await mixedRequests(base, db);
  await preflight(base, requests);
  const rate = Number(args.rate);
  log(
    `\nMixed traffic: ${args.duration} s at ${rate} requests/s (${SLICES} autocannon instances × ${Math.ceil(rate / SLICES / 2)} connections, staggered)…`,
  );
  log(
    `  cycle: ${requests.map((r) => r.path.replace(/\/_next\/static\/.*/, "static")).join(", ")}`,
  );
  return offer(base, requests, rate, Number(args.duration));
}

// ---- Capacity: the highest offered rate held ------------------------------------------------------

/** The offered rates tried, lowest first; the first that is not held ends the climb. */
const CAPACITY_STEPS = [
  10, 20, 30, 40, 50, 60, 80, 100, 120, 150, 200, 250, 300, 400, 500, 650, 800,
];
/** A rate is held when every response is a 2xx, p99 stays within this, and nearly all are sent. */
const CAPACITY_P99_MS = 500;

interface Capacity {
  /** The highest rate held (0: not even the first). */
  held: number;
  steps: { rate: number; achieved: number; p99: number; errors: number; ok: boolean }[];
}

async function capacity(base: string, label: string, requests: MixedRequest[]): Promise<Capacity> {
  const seconds = Number(args["step-seconds"]);
  log(`\nCapacity of ${label}: ${seconds} s per offered rate, up to the first rate not held…`);
  const steps: Capacity["steps"] = [];
  let held = 0;
  for (const rate of CAPACITY_STEPS) {
    const r = await offer(base, requests, rate, seconds);
    const achieved = r.total / r.seconds;
    const errors = r.errors + r.non2xx;
    const ok = errors === 0 && r.latency.p99 <= CAPACITY_P99_MS && achieved >= rate * 0.95;
    steps.push({ rate, achieved, p99: r.latency.p99, errors, ok });
    log(
      `  ${String(rate).padStart(4)}/s offered: ${achieved.toFixed(1)}/s answered, p99${ms(r.latency.p99)}, ${errors} errors — ${ok ? "held" : "not held"}`,
    );
    if (!ok) break;
    held = rate;
  }
  return { held, steps };
}

// ---- Query time: data function against raw SQL ---------------------------------------------------

interface QueryResult {
  name: string;
  data: Stats;
  raw: Stats;
}

async function compareQuery(
  name: string,
  data: () => Promise<unknown>,
  raw: () => Promise<unknown>,
  each = 60,
): Promise<QueryResult> {
  return { name, ...(await dataAgainstRaw(data, raw, each)) };
}

async function queryTimes(db: ScaleDatabase): Promise<QueryResult[]> {
  // lib/db reads DATABASE_URL when first imported; the settings the app refuses to start without
  // are the benchmark's demo organisation's, as the app server gets them (app-server.ts).
  process.env.DATABASE_URL = db.url;
  for (const [key, value] of Object.entries(BENCH_APP_ENV)) process.env[key] ??= value;
  process.env.AUTH_URL ??= "http://127.0.0.1:3000";
  const { listQueue } = await import("../../lib/data/requests/list-queue");
  const { listMyProvisions } = await import("../../lib/data/ledger/list-my-provisions");
  const { getDashboard } = await import("../../lib/data/dashboard/get-dashboard");
  const actor = benchActor;
  const pool = new pg.Pool({ connectionString: db.url, max: 10 });
  const both = (a: { text: string; values: unknown[] }, b: { text: string; values: unknown[] }) =>
    Promise.all([pool.query(a.text, a.values), pool.query(b.text, b.values)]);
  try {
    const queueInput = { actorId: BENCH_STAFF_ID, filter: {} };
    // The raw side pays for the subject lookup too, as the data function does.
    const ledgerRaw = async () => {
      const own = subjectOfUserQuery(BENCH_USER_ID);
      const subjectId = (await pool.query<{ id: string }>(own.text, own.values)).rows[0]!.id;
      const ledgerInput = { subjectId, filter: {} };
      return both(
        ledgerPageQuery({ ...ledgerInput, limit: LEDGER_PAGE_SIZE + 1 }),
        ledgerCountQuery(ledgerInput),
      );
    };
    return [
      await compareQuery(
        "queue",
        () => listQueue({ actor: actor(BENCH_STAFF_ID, "STAFF"), filter: {} }),
        () =>
          both(
            queuePageQuery({ ...queueInput, limit: QUEUE_PAGE_SIZE + 1 }),
            queueCountQuery(queueInput),
          ),
      ),
      await compareQuery(
        "ledger",
        () => listMyProvisions({ actor: actor(BENCH_USER_ID, "SUBJECT"), filter: {} }),
        ledgerRaw,
      ),
      await compareQuery(
        "dashboard",
        () => getDashboard({ actor: actor(BENCH_MANAGER_ID, "MANAGER") }),
        () => floorFigures(pool, new Date()),
        20,
      ),
    ];
  } finally {
    await pool.end();
  }
}

function printQueries(results: QueryResult[]) {
  log(`\nQuery time, sequential calls in this process (ms)`);
  log(`${"".padEnd(26)}${"p50".padStart(10)}${"p95".padStart(10)}${"p99".padStart(10)}`);
  for (const { name, data, raw } of results) {
    log(`${`${name} data function`.padEnd(26)}${ms(data.p50)}${ms(data.p95)}${ms(data.p99)}`);
    log(`${`${name} raw SQL (pg)`.padEnd(26)}${ms(raw.p50)}${ms(raw.p95)}${ms(raw.p99)}`);
  }
}

// ---- Ingest (child process) ----------------------------------------------------------------------

interface IngestResult {
  apiRate: number;
  copyRate: number;
  ratio: number;
}

/** Runs scripts/bench/ingest.ts against the same build; its figures, or null when it has none. */
async function ingest(): Promise<IngestResult | null> {
  const script = path.join(root, "scripts/bench/ingest.ts");
  if (!existsSync(script)) {
    log("\ningest: not available (no scripts/bench/ingest.ts)");
    return null;
  }
  const small = scale === "small" ? ["--events", "20000", "--batch", "2000"] : [];
  log(`\nIngest: tsx scripts/bench/ingest.ts ${small.join(" ")}`);
  const lines: string[] = [];
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(
      path.join(root, "node_modules/.bin/tsx"),
      ["--conditions=react-server", script, "--port", args["ingest-port"], ...small],
      {
        cwd: root,
        env: { ...process.env, NEXT_DIST_DIR: distDir },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let rest = "";
    child.stdout.on("data", (chunk: Buffer) => {
      const parts = (rest + chunk.toString()).split("\n");
      rest = parts.pop() ?? "";
      for (const line of parts) {
        lines.push(line);
        log(`  | ${line}`);
      }
    });
    child.on("exit", (exitCode) => resolve(exitCode));
  });
  const text = lines.join("\n");
  const apiRate = Number(/API \(.*?\):.*?(\d+) events\/s/.exec(text)?.[1]);
  const copyRate = Number(/COPY .*?:.*?(\d+) events\/s/.exec(text)?.[1]);
  const ratio = Number(/ratio API \/ COPY: ([\d.]+)/.exec(text)?.[1]);
  if ([apiRate, copyRate, ratio].some((v) => !Number.isFinite(v))) {
    log(`ingest: not available (the script exited ${code} without its figures)`);
    return null;
  }
  return { apiRate, copyRate, ratio };
}

// ---- Summary ---------------------------------------------------------------------------------

interface Row {
  figure: string;
  value: string;
  budget: string;
  /** null: a figure without a budget. */
  ok: boolean | null;
}

function summaryRows(input: {
  seedSeconds: number | null;
  pages: PageResult[];
  empty: Stats;
  queries: QueryResult[];
  mixed: MixedResult;
  capacities: { mix: Capacity; empty: Capacity };
  ingest: IngestResult | null;
}): Row[] {
  const rows: Row[] = [];
  const msv = (v: number) => `${v.toFixed(1)} ms`;
  const times = (v: number) => `${v.toFixed(2)}×`;
  if (input.seedSeconds !== null)
    rows.push({
      figure: "seeding",
      value: `${input.seedSeconds.toFixed(0)} s`,
      budget: "minutes",
      ok: null,
    });
  if (input.ingest) {
    const { apiRate, copyRate, ratio } = input.ingest;
    rows.push(
      {
        figure: "ingest: API events/s",
        value: `${apiRate}/s`,
        budget: "≥ 5,000/s",
        ok: apiRate >= 5000,
      },
      { figure: "ingest: COPY events/s", value: `${copyRate}/s`, budget: "", ok: null },
      { figure: "ingest: API / COPY", value: times(ratio), budget: "≥ 0.30×", ok: ratio >= 0.3 },
    );
  } else
    rows.push({
      figure: "ingest",
      value: "not available",
      budget: "≥ 5,000/s, ≥ 0.30×",
      ok: false,
    });
  for (const { bench, page, floor, cpu } of input.pages) {
    const ratio = page.p95 / floor.p95;
    if (cpu)
      rows.push({
        figure: `${bench.name} CPU per request, page / floor`,
        value: `${cpu.page.toFixed(1)} / ${cpu.floor.toFixed(1)} ms (${times(cpu.page / cpu.floor)})`,
        budget: "≤ 1.3×",
        ok: cpu.page / cpu.floor <= 1.3,
      });
    rows.push(
      { figure: `${bench.name} page p50`, value: msv(page.p50), budget: "", ok: null },
      {
        figure: `${bench.name} page p95`,
        value: msv(page.p95),
        budget: `≤ ${bench.p95} ms`,
        ok: page.p95 <= bench.p95,
      },
      { figure: `${bench.name} page p99`, value: msv(page.p99), budget: "", ok: null },
      {
        figure: `${bench.name} floor p50 / p95 / p99`,
        value: `${floor.p50.toFixed(0)} / ${floor.p95.toFixed(0)} / ${floor.p99.toFixed(0)} ms`,
        budget: "",
        ok: null,
      },
      {
        figure: `${bench.name} page / floor (p50, p95, p99)`,
        value: `${times(page.p50 / floor.p50)} ${times(ratio)} ${times(page.p99 / floor.p99)}`,
        budget: bench.ratio ? `p95 ≤ ${bench.ratio}×` : "",
        ok: bench.ratio ? ratio <= bench.ratio : null,
      },
    );
  }
  rows.push({
    figure: "empty Next.js page p50 / p95 / p99",
    value: `${input.empty.p50.toFixed(0)} / ${input.empty.p95.toFixed(0)} / ${input.empty.p99.toFixed(0)} ms`,
    budget: "",
    ok: null,
  });
  for (const { name, data, raw } of input.queries) {
    const ratio = data.p50 / raw.p50;
    rows.push({
      figure: `${name} data query / raw SQL (p50)`,
      value: `${times(ratio)} (${data.p50.toFixed(1)} / ${raw.p50.toFixed(1)} ms)`,
      budget: name === "dashboard" ? "" : "≤ 2×",
      ok: name === "dashboard" ? null : ratio <= 2,
    });
    if (name === "dashboard")
      rows.push({
        figure: "dashboard data function p95",
        value: msv(data.p95),
        budget: "≤ 300 ms",
        ok: data.p95 <= 300,
      });
  }
  const { mixed } = input;
  const errors = mixed.errors + mixed.non2xx;
  rows.push(
    {
      figure: "mixed and capacity: app processes",
      value: `${args.processes} (WEB_CONCURRENCY)`,
      budget: "",
      ok: null,
    },
    {
      figure: "mixed: requests/s achieved",
      value: `${(mixed.total / mixed.seconds).toFixed(1)}/s`,
      budget: `${args.rate}/s offered`,
      ok: null,
    },
    {
      figure: "mixed: errors (non-2xx + socket)",
      value: `${errors} (${mixed.non2xx} + ${mixed.errors})`,
      budget: "0",
      ok: errors === 0,
    },
    { figure: "mixed: p50", value: `${mixed.latency.p50.toFixed(1)} ms`, budget: "", ok: null },
    {
      figure: "mixed: p99",
      value: `${mixed.latency.p99.toFixed(1)} ms`,
      budget: "≤ 1,000 ms",
      ok: mixed.latency.p99 <= 1000,
    },
  );
  const { mix, empty } = input.capacities;
  const share = empty.held > 0 ? mix.held / empty.held : 0;
  rows.push(
    {
      figure: "capacity: the mix (p99 ≤ 500 ms, 0 errors)",
      value: `${mix.held}/s`,
      budget: "",
      ok: null,
    },
    { figure: "capacity: the empty Next.js page", value: `${empty.held}/s`, budget: "", ok: null },
    {
      figure: "capacity: mix / empty page",
      value: `${(share * 100).toFixed(0)}%`,
      budget: "≥ 50%",
      ok: share >= 0.5,
    },
  );
  const total = seconds(runStarted);
  rows.push({
    figure: "whole run",
    value: `${(total / 60).toFixed(1)} min`,
    budget: "≤ 30 min",
    ok: total <= 1800,
  });
  return rows;
}

function printSummary(rows: Row[]) {
  const w = [44, 34, 20];
  log(`\nSummary (${scale} scale)`);
  log(`${"figure".padEnd(w[0]!)}${"value".padEnd(w[1]!)}${"budget".padEnd(w[2]!)}verdict`);
  log("-".repeat(w[0]! + w[1]! + w[2]! + 7));
  for (const r of rows) {
    const verdict = r.ok === null ? "" : r.ok ? "PASS" : "FAIL";
    log(`${r.figure.padEnd(w[0]!)}${r.value.padEnd(w[1]!)}${r.budget.padEnd(w[2]!)}${verdict}`);
  }
}

// ---- Run -----------------------------------------------------------------------------------------

// A failure anywhere says what it was before the run ends (a missed budget ends it with 1 too).
process.on("unhandledRejection", (reason) => {
  console.error("unhandled rejection:", reason);
  process.exit(2);
});

const { db, seedSeconds } = await database();
log(`  ${describeCounts(db.counts)}`);
log(ensureBuild({ distDir, force: args.build, keep: args["keep-build"], log }));
const app = await startApp({ port: args.port, distDir, databaseUrl: db.url });
const pages: PageResult[] = [];
for (const bench of pageBenches(db)) {
  log(`Loading ${bench.path} and ${bench.floor}…`);
  pages.push(await benchPage(app.base, bench, app.pid));
}
log("Loading /bench/empty…");
const empty = await emptyPage(app.base);
printPages(pages, empty);
const processes = Number(args.processes);
// The mix and the climb run on the app as it is deployed here: one process, or one per core.
const served =
  processes > 1
    ? (app.stop(),
      await app.exited,
      await startApp({ port: args.port, distDir, databaseUrl: db.url, processes }))
    : app;
const mixed = await mixedTraffic(served.base, db);
log(
  `  ${mixed.total} responses in ${mixed.seconds.toFixed(1)} s, ${mixed.non2xx} non-2xx, ${mixed.errors} errors (${mixed.timeouts} timeouts); p50${ms(mixed.latency.p50)} p95${ms(mixed.latency.p95)} p99${ms(mixed.latency.p99)} max${ms(mixed.latency.max)}`,
);
const capacities = {
  mix: await capacity(served.base, "the six-path mix", await mixedRequests(served.base, db)),
  empty: await capacity(served.base, "the empty Next.js page", [
    { method: "GET", path: "/bench/empty" },
  ]),
};
served.stop();
const queries = await queryTimes(db);
printQueries(queries);
const ingested = await ingest();
const rows = summaryRows({
  seedSeconds,
  pages,
  empty,
  queries,
  mixed,
  capacities,
  ingest: ingested,
});
printSummary(rows);
process.exit(rows.some((r) => r.ok === false) ? 1 : 0);
