import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

// Closed-loop load on loopback: `clients` workers each send one request at a time until
// `requests` have been sent in all, so the server never sees more than `clients` in flight.

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest-rank percentile.
  const at = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  const mean = sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1);
  return { n: sorted.length, p50: at(50), p95: at(95), p99: at(99), mean };
}

export async function load(options: {
  url: string;
  /** The session cookie; none loads the page as a visitor. */
  cookie?: string;
  clients: number;
  requests: number;
  /** Checks each body; throws on a wrong page so a fast error never counts as a fast answer. */
  check: (body: string) => void;
}): Promise<number[]> {
  const url = new URL(options.url);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname))
    throw new Error("the benchmark only loads a loopback address");
  const samples: number[] = [];
  let sent = 0;
  const worker = async () => {
    while (sent < options.requests) {
      sent++;
      const started = performance.now();
      const res = await fetch(url, {
        headers: options.cookie ? { cookie: options.cookie } : {},
        redirect: "manual",
      });
      const body = await res.text();
      samples.push(performance.now() - started);
      if (res.status !== 200) throw new Error(`${url.pathname}: HTTP ${res.status}`);
      options.check(body);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, worker));
  return samples;
}

const ticksPerSecond = (() => {
  const out = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
  return Number(out.stdout.trim()) || 100;
})();

/**
 * The CPU time (user and system, ms) a process and every process it started have used so far,
 * from /proc: the app server's own cost, whatever the load generator and PostgreSQL beside it
 * use. Steadier on this machine than latency, which the other processes on two cores shift.
 */
export function processTreeCpuMs(pid: number): number {
  const own = (id: number) => {
    try {
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${id}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
    } catch {
      return 0;
    }
  };
  const children = (id: number): number[] => {
    try {
      return readdirSync(`/proc/${id}/task`).flatMap((tid) =>
        readFileSync(`/proc/${id}/task/${tid}/children`, "utf8")
          .split(" ")
          .filter(Boolean)
          .map(Number),
      );
    } catch {
      return [];
    }
  };
  const walk = (id: number): number => own(id) + children(id).reduce((sum, c) => sum + walk(c), 0);
  return walk(pid);
}

/** How many alternating rounds a page and its floor get by default. */
export const ROUNDS = 10;

/**
 * A page against its floor: 40 warm-up requests each, then `requests` each in `rounds` short
 * batches taken in turn. The machine's speed drifts within a run (other work on the host, the
 * database's caches), so a page and its floor are compared at the same moments: three long
 * rounds let one catch a slow minute the other missed, ten short ones rarely do.
 */
export async function pageAgainstFloor(options: {
  page: Omit<Parameters<typeof load>[0], "requests">;
  floorUrl: string;
  requests: number;
  rounds?: number;
  /** The server's CPU so far (processTreeCpuMs): each side's CPU per request is measured too. */
  cpu?: () => number;
}): Promise<{ page: Stats; floor: Stats; cpu?: { page: number; floor: number } }> {
  const page = options.page;
  const floor = { ...page, url: options.floorUrl };
  await load({ ...page, requests: 40 });
  await load({ ...floor, requests: 40 });
  const rounds = options.rounds ?? ROUNDS;
  const each = Math.ceil(options.requests / rounds);
  const pageSamples: number[] = [];
  const floorSamples: number[] = [];
  const spent = { page: 0, floor: 0 };
  const timed = async (side: "page" | "floor", run: () => Promise<number[]>) => {
    const before = options.cpu?.() ?? 0;
    const samples = await run();
    spent[side] += (options.cpu?.() ?? 0) - before;
    return samples;
  };
  for (let r = 0; r < rounds; r++) {
    pageSamples.push(...(await timed("page", () => load({ ...page, requests: each }))));
    floorSamples.push(...(await timed("floor", () => load({ ...floor, requests: each }))));
  }
  const n = each * rounds;
  return {
    page: stats(pageSamples),
    floor: stats(floorSamples),
    ...(options.cpu ? { cpu: { page: spent.page / n, floor: spent.floor / n } } : {}),
  };
}

/**
 * A data function against the raw SQL it runs: `each / 2` warm-up calls of both, then five rounds
 * of `each` sequential calls taken in turn, in this process.
 */
export async function dataAgainstRaw(
  data: () => Promise<unknown>,
  raw: () => Promise<unknown>,
  each = 60,
): Promise<{ data: Stats; raw: Stats }> {
  await timeEach(Math.ceil(each / 2), data);
  await timeEach(Math.ceil(each / 2), raw);
  const dataSamples: number[] = [];
  const rawSamples: number[] = [];
  for (let r = 0; r < 5; r++) {
    dataSamples.push(...(await timeEach(each, data)));
    rawSamples.push(...(await timeEach(each, raw)));
  }
  return { data: stats(dataSamples), raw: stats(rawSamples) };
}

/** Times `fn` sequentially `times` times, in milliseconds. */
export async function timeEach(times: number, fn: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return samples;
}

export const ms = (v: number) => `${v.toFixed(1)} ms`.padStart(10);

/** A signed-in person for calling data functions in the benchmark's own process. */
export const benchActor = (userId: string, role: "SUBJECT" | "STAFF" | "MANAGER") => ({
  userId,
  role,
  email: "bench@example.jp",
  ip: null,
  passkeyAt: new Date(),
});

/**
 * The settings the app refuses to start without, as the benchmark's demo organisation has them
 * (the app server, and data functions called in a benchmark's own process).
 */
export const BENCH_APP_ENV = {
  DEMO_MODE: "1",
  AUTH_SECRET: "bench-secret-not-for-production-0123456789abcdef",
  WORKER_MODE: "off",
  LOG_LEVEL: "warn",
} as const;
