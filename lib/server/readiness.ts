import "server-only";

import type { Db } from "@/lib/db";
import { log } from "@/lib/log";
import type { BlobBackend } from "@/lib/storage/blob-backend";

// Readiness (issue 17): whether this process can serve now. Each dependency is asked the least
// that proves it works, with its own time limit, all at once: the database (a query), the stored
// files (the folder writable, the bucket answering) and the job queue (pg-boss's tables in the
// database, which the worker takes jobs from). A failure names the dependency, never its error's
// text (which may hold a host or a path); the error goes to the log under an id.

export const READINESS_CHECKS = ["database", "storage", "jobs"] as const;
export type ReadinessCheck = (typeof READINESS_CHECKS)[number];

export interface Readiness {
  ready: boolean;
  checks: Record<ReadinessCheck, "ok" | "failed">;
}

const TIMEOUT_MS = 2_000;

function withTimeout(work: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export async function checkReadiness(deps: {
  db: Db;
  storage: BlobBackend;
  timeoutMs?: number;
}): Promise<Readiness> {
  const { db, storage, timeoutMs = TIMEOUT_MS } = deps;
  const probes: Record<ReadinessCheck, () => Promise<unknown>> = {
    database: () => db.$queryRaw`SELECT 1`,
    storage: () => storage.ready(),
    // pg-boss keeps its queues in the "pgboss" schema: the queue is usable when they answer.
    jobs: () => db.$queryRaw`SELECT 1 FROM pgboss.queue LIMIT 1`,
  };
  const results = await Promise.all(
    READINESS_CHECKS.map(async (check) => {
      try {
        await withTimeout(probes[check](), timeoutMs);
        return [check, "ok"] as const;
      } catch (error) {
        log.error("readiness check failed", error, { check });
        return [check, "failed"] as const;
      }
    }),
  );
  const checks = Object.fromEntries(results) as Readiness["checks"];
  return { ready: results.every(([, state]) => state === "ok"), checks };
}
