import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";

import { staleBuildReason } from "../lib/build-state";

import { BENCH_APP_ENV } from "./load";

// The production app as the page benchmarks run it: built into its own folder, started with
// `next start` on a loopback port against the benchmark database, the floor pages switched on.

const root = path.resolve(import.meta.dirname, "..", "..");
const next = path.join(root, "node_modules/.bin/next");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const clusterScript = path.join(root, "scripts/lib/next-cluster.ts");

export function buildApp(distDir: string): void {
  console.log(`Building into ${distDir}…`);
  const built = spawnSync(next, ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (built.status !== 0) process.exit(1);
}

/** next build adds its folder's types to tsconfig.json: put the file back as it was. */
function buildKeepingTsconfig(distDir: string): void {
  const file = path.join(root, "tsconfig.json");
  const before = readFileSync(file, "utf8");
  const { atime, mtime } = statSync(file);
  const restore = () => {
    const after = readFileSync(file, "utf8");
    if (after === before || !after.includes(distDir)) return;
    writeFileSync(file, before);
    utimesSync(file, atime, mtime);
  };
  process.once("exit", restore);
  buildApp(distDir);
  restore();
}

/**
 * Builds into `distDir` when it has no build or a source is newer than it (`force`: always;
 * `keep`: reuse a stale build that exists). Returns what it did, for the run's log.
 */
export function ensureBuild(options: {
  distDir: string;
  force: boolean;
  keep: boolean;
  log: (line: string) => void;
}): string {
  const { distDir } = options;
  const reason = options.force ? "--build" : staleBuildReason(root, distDir);
  if (!reason) return `reused ${distDir} (newer than the sources)`;
  if (options.keep && existsSync(path.join(root, distDir, "BUILD_ID")))
    return `reused ${distDir} (--keep-build; ${reason} is newer)`;
  options.log(`Building ${distDir} (${reason})…`);
  const started = performance.now();
  buildKeepingTsconfig(distDir);
  return `built ${distDir} in ${((performance.now() - started) / 1000).toFixed(0)} s`;
}

const answers = (url: string) =>
  fetch(url).then(
    (r) => r.ok,
    () => false,
  );

/** Starts the app and waits until it answers; refuses a port another process already serves. */
export async function startApp(options: {
  port: string;
  distDir: string;
  databaseUrl: string;
  /** Node's own flags for the server (e.g. the profiler's), which NODE_OPTIONS may not carry. */
  nodeArgs?: string[];
  /** App processes on the port (scripts/lib/next-cluster.ts), as `WEB_CONCURRENCY` starts them. */
  processes?: number;
}): Promise<{ base: string; stop: () => void; exited: Promise<void>; pid: number }> {
  const processes = options.processes ?? 1;
  if (processes > 1 && options.nodeArgs) throw new Error("node flags are for one process only");
  const base = `http://127.0.0.1:${options.port}`;
  const taken = await fetch(base).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`port ${options.port} is in use: pass --port`);
  console.log(
    `Starting next start (${options.distDir}) on ${base}${processes > 1 ? `, ${processes} processes` : ""}…`,
  );
  const command =
    processes > 1
      ? ([
          process.execPath,
          ["--import", "tsx", clusterScript, options.port, String(processes)],
        ] as const)
      : options.nodeArgs
        ? ([process.execPath, [...options.nodeArgs, nextBin, "start", "-p", options.port]] as const)
        : ([next, ["start", "-p", options.port]] as const);
  const server = spawn(command[0], command[1], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: options.distDir,
      DATABASE_URL: options.databaseUrl,
      // The benchmark's organisation is a demo: its mail goes to the dev mailbox.
      ...BENCH_APP_ENV,
      AUTH_URL: base,
      BENCH_FLOOR: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const stop = () => server.kill("SIGTERM");
  process.on("exit", stop);
  let exited = false;
  const onExit = new Promise<void>((resolve) => server.on("exit", () => resolve()));
  server.on("exit", () => (exited = true));
  for (let i = 0; ; i++) {
    if (i > 120 || exited) throw new Error("the app did not start");
    if (await answers(`${base}/ja`)) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return { base, stop, exited: onExit, pid: server.pid! };
}
