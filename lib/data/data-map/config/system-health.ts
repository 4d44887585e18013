import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";

import { assertCanConfigure } from "./shared";

// A system's health as its settings page shows it (issue 18): how its tasks have gone lately,
// whatever its connector, and its last connection test where it has one.

const WINDOW_DAYS = 30;

export interface SystemHealth {
  /** The last task that finished well. */
  lastSuccessAt: Date | null;
  /** Tasks that failed for good in the last 30 days, and the latest one's reason. */
  failures: number;
  lastFailure: { at: Date; reason: string | null } | null;
  /** Tasks running or waiting (for the engine, a callback, or staff). */
  open: number;
  succeeded: number;
  lastTestedAt: Date | null;
  /** The last test's problem (a failure code or "table.column kind"); null when it passed. */
  lastTestProblem: string | null;
}

export async function systemHealth(options: {
  actor: Actor;
  systemId: string;
  now?: Date;
}): Promise<SystemHealth> {
  assertCanConfigure(options.actor);
  const { systemId } = options;
  const since = new Date((options.now ?? new Date()).getTime() - WINDOW_DAYS * 86_400_000);
  const db = getDb();
  const [system, counts, lastSuccess, lastFailure] = await Promise.all([
    db.dataSystem.findUnique({
      where: { id: systemId },
      select: { lastTestedAt: true, lastTestProblem: true },
    }),
    db.fulfilmentTask.groupBy({
      by: ["status"],
      where: { systemId, OR: [{ finishedAt: { gte: since } }, { finishedAt: null }] },
      _count: { _all: true },
    }),
    db.fulfilmentTask.findFirst({
      where: { systemId, status: "SUCCEEDED" },
      orderBy: { finishedAt: "desc" },
      select: { finishedAt: true },
    }),
    db.fulfilmentTask.findFirst({
      where: { systemId, status: "FAILED", finishedAt: { gte: since } },
      orderBy: { finishedAt: "desc" },
      select: { finishedAt: true, lastError: true },
    }),
  ]);
  const count = (status: string) => counts.find((c) => c.status === status)?._count._all ?? 0;
  return {
    lastSuccessAt: lastSuccess?.finishedAt ?? null,
    failures: count("FAILED"),
    lastFailure: lastFailure?.finishedAt
      ? { at: lastFailure.finishedAt, reason: lastFailure.lastError }
      : null,
    open: count("PENDING") + count("RUNNING"),
    succeeded: count("SUCCEEDED"),
    lastTestedAt: system?.lastTestedAt ?? null,
    lastTestProblem: system?.lastTestProblem ?? null,
  };
}
