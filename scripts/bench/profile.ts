// `npm run bench:profile` (issue 17): where a page's server CPU goes. The production app is started
// under V8's sampling profiler (`--cpu-prof`) once per page, loaded with that page alone after a
// warm-up, stopped, and its profile summed by self time: per package or app folder, and the
// heaviest functions. Prints the table; the profiles stay in the output folder for Chromium's
// DevTools (Performance → Load profile). Not a timed test and no budget: it explains the CPU
// figures of `npm run bench` (docs/benchmarks.md).
//
//   npm run bench:profile [-- --scale small] [--reuse] [--requests 400] [--page queue,ledger]
//
// The build is `npm run bench`'s (.next-bench-all), built when missing or older than the sources.
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { ensureBuild, startApp } from "./app-server";
import { load, processTreeCpuMs } from "./load";
import {
  reuseScaleDatabase,
  scaleDatabaseName,
  seedScaleDatabase,
  type Scale,
  type ScaleDatabase,
} from "./seed-scale";
import { BENCH_TARGETS, targetsNamed, type BenchTarget } from "./targets";

const { values: args } = parseArgs({
  options: {
    scale: { type: "string", default: "small" },
    reuse: { type: "boolean", default: false },
    requests: { type: "string", default: "400" },
    page: { type: "string" },
    port: { type: "string", default: "3217" },
    out: { type: "string", default: "/tmp/dsar-profiles" },
    top: { type: "string", default: "25" },
  },
});
const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const root = path.resolve(import.meta.dirname, "..", "..");
const DIST = ".next-bench-all";

// ---- The profile: V8's .cpuprofile, summed by self time ------------------------------------------

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The monotonic clock V8's profiles are stamped with, in microseconds. */
const nowMicros = () => Number(process.hrtime.bigint() / 1000n);

/** Where a frame's code lives: a package, an app folder, Node itself, or V8's own work. */
function bucketOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node:" + url.slice(5).split("/")[0];
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    const name = rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
    // Next.js's own server code, apart from the React it bundles.
    if (name === "next" && url.includes("/compiled/react")) return "react (in next)";
    return name;
  }
  const chunk = url.match(/\.next[^/]*\/server\/(.*)$/);
  if (chunk) return `app bundle: ${chunk[1]!.split("/").slice(0, 2).join("/")}`;
  return url.replace(`file://${root}/`, "");
}

interface Summary {
  totalMs: number;
  buckets: [string, number][];
  functions: [string, number][];
}

/** Self time per frame of the samples taken within [from, to] (µs): the measured load only. */
function summarise(file: string, from: number, to: number): Summary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at < from || at > to) return;
    self.set(id, (self.get(id) ?? 0) + delta / 1000);
  });
  const buckets = new Map<string, number>();
  const functions = new Map<string, number>();
  let totalMs = 0;
  for (const [id, ms] of self) {
    const { callFrame } = byId.get(id)!;
    if (callFrame.functionName === "(idle)") continue;
    totalMs += ms;
    const bucket = bucketOf(callFrame.url, callFrame.functionName);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + ms);
    const where = callFrame.url ? `${bucket}:${callFrame.lineNumber + 1}` : bucket;
    const fn = `${callFrame.functionName || "(anonymous)"} ${where}`;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { totalMs, buckets: sorted(buckets), functions: sorted(functions) };
}

// ---- The run --------------------------------------------------------------------------------------

async function database(): Promise<ScaleDatabase> {
  const scale = args.scale as Scale;
  if (args.reuse) return reuseScaleDatabase(adminUrl, scale, scaleDatabaseName(scale));
  return seedScaleDatabase({ adminUrl, scale, log: console.log });
}

async function profileTarget(target: BenchTarget, db: ScaleDatabase) {
  const dir = path.join(args.out, target.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const app = await startApp({
    port: args.port,
    distDir: DIST,
    databaseUrl: db.url,
    nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`],
  });
  const requests = Number(args.requests);
  const run = (n: number) =>
    load({
      url: `${app.base}${target.path}`,
      cookie: target.as && `authjs.session-token=${db.tokens[target.as]}`,
      clients: 4,
      requests: n,
      check: () => {},
    });
  await run(Math.max(50, requests / 4)); // warm-up: JIT, pools, module loading
  const cpuBefore = processTreeCpuMs(app.pid);
  const from = nowMicros();
  await run(requests);
  const to = nowMicros();
  const cpuPerRequest = (processTreeCpuMs(app.pid) - cpuBefore) / requests;
  app.stop();
  // The profile is written when the server exits.
  for (let i = 0; i < 100 && !readdirSync(dir).some((f) => f.endsWith(".cpuprofile")); i++)
    await new Promise((r) => setTimeout(r, 200));
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  if (files.length === 0) throw new Error(`${target.name}: no profile was written`);
  // The largest profile is the server's (next start may leave a small one for its launcher).
  const summaries = files.map((f) => summarise(path.join(dir, f), from, to));
  const summary = summaries.sort((a, b) => b.totalMs - a.totalMs)[0]!;
  return { cpuPerRequest, summary, requests };
}

const targets = args.page ? targetsNamed(args.page) : BENCH_TARGETS;
console.log(ensureBuild({ distDir: DIST, force: false, keep: false, log: console.log }));
const db = await database();
const top = Number(args.top);
const done = new Map<string, { summary: Summary; requests: number }>();
for (const target of targets) {
  const { cpuPerRequest, summary, requests } = await profileTarget(target, db);
  done.set(target.name, { summary, requests });
  const per = (ms: number) => `${(ms / requests).toFixed(2).padStart(6)} ms`;
  console.log(
    `\n== ${target.name} (${target.path}): ${cpuPerRequest.toFixed(1)} ms CPU per request (/proc); ` +
      `profiled ${per(summary.totalMs).trim()} per request on the main thread`,
  );
  console.log("  self time per request, by where the code lives:");
  for (const [bucket, ms] of summary.buckets.slice(0, 14)) console.log(`    ${per(ms)}  ${bucket}`);
  console.log(`  heaviest functions:`);
  for (const [fn, ms] of summary.functions.slice(0, top)) console.log(`    ${per(ms)}  ${fn}`);
  const floor = done.get(`${target.name}-floor`) ?? done.get(target.name.replace(/-floor$/, ""));
  if (floor && floor !== done.get(target.name)) printDifference(target.name, done, top);
}

/** What the page spends beyond its floor, per request: where the ratio of `npm run bench` comes from. */
function printDifference(name: string, runs: typeof done, count: number) {
  const pageName = name.replace(/-floor$/, "");
  const page = runs.get(pageName)!;
  const floor = runs.get(`${pageName}-floor`)!;
  const perRequest = (entries: [string, number][], n: number) =>
    new Map(entries.map(([k, ms]) => [k, ms / n]));
  for (const [label, key] of [
    ["where the code lives", "buckets"],
    ["functions", "functions"],
  ] as const) {
    const a = perRequest(page.summary[key], page.requests);
    const b = perRequest(floor.summary[key], floor.requests);
    const rows = [...new Set([...a.keys(), ...b.keys()])]
      .map((k) => [k, (a.get(k) ?? 0) - (b.get(k) ?? 0)] as const)
      .sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]))
      .slice(0, key === "buckets" ? 10 : count);
    console.log(`  ${pageName} minus its floor, per request, by ${label}:`);
    for (const [k, ms] of rows) console.log(`    ${(ms >= 0 ? "+" : "") + ms.toFixed(2)} ms  ${k}`);
  }
}
console.log(`\nProfiles: ${args.out} (open in Chromium's DevTools, Performance → Load profile)`);
