import { spawn, spawnSync } from "node:child_process";
import path from "node:path";

// The production app as the page benchmarks run it: built into its own folder, started with
// `next start` on a loopback port against the benchmark database, the floor pages switched on.

const root = path.resolve(import.meta.dirname, "..", "..");
const next = path.join(root, "node_modules/.bin/next");

export function buildApp(distDir: string): void {
  console.log(`Building into ${distDir}…`);
  const built = spawnSync(next, ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (built.status !== 0) process.exit(1);
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
}): Promise<{ base: string; stop: () => void }> {
  const base = `http://127.0.0.1:${options.port}`;
  const taken = await fetch(base).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`port ${options.port} is in use: pass --port`);
  console.log(`Starting next start (${options.distDir}) on ${base}…`);
  const server = spawn(next, ["start", "-p", options.port], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: options.distDir,
      DATABASE_URL: options.databaseUrl,
      // The benchmark's organisation is a demo: its mail goes to the dev mailbox.
      DEMO_MODE: "1",
      AUTH_SECRET: "bench-secret-not-for-production-0123456789abcdef",
      AUTH_URL: base,
      WORKER_MODE: "off",
      LOG_LEVEL: "warn",
      BENCH_FLOOR: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const stop = () => server.kill("SIGTERM");
  process.on("exit", stop);
  let exited = false;
  server.on("exit", () => (exited = true));
  for (let i = 0; ; i++) {
    if (i > 120 || exited) throw new Error("the app did not start");
    if (await answers(`${base}/ja`)) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return { base, stop };
}
