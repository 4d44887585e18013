// Next.js calls register() once per server process: with WORKER_MODE=inline (the default) the
// job worker runs inside the app, so one `npm start` is the whole system.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { getEnv } = await import("@/lib/env");
  const env = getEnv();
  if (env.WORKER_MODE !== "inline" || !env.DATABASE_URL) return;
  const { getDb } = await import("@/lib/db");
  const { startWorker } = await import("@/lib/jobs/worker");
  await startWorker(getDb());
}
