import type { Db } from "@/lib/db";
import { log } from "@/lib/log";
import { isOpen } from "@/lib/requests/lifecycle";

import { perform } from "./connectors/connector";
import { readHttpConfig } from "./connectors/http";
import { connectorFor } from "./connectors/registry";
import { TaskFailure } from "./failure";
import { auditTask, settleTask, type TaskActor } from "./settle-task";
import type { TaskContext } from "./types";

// One run of a fulfilment task (a pg-boss job): claim it (PENDING → RUNNING, one more attempt),
// call its connector (connectors/registry.ts) by its action, settle it. The job is the lease: it
// sends heartbeats while it runs, and when its worker dies pg-boss delivers it again
// (lib/jobs/boss.ts), which finds the task still RUNNING with no answer pending (acceptedAt) and
// takes it over. INTERNAL work commits with its settlement, so it is done once; an HTTP system may
// see a task again after a crash and must treat `taskId` as its idempotency key
// (lib/fulfilment/engine/wire.ts). A failure that another attempt may cure goes back to PENDING
// and is thrown, so pg-boss retries the job with backoff; once retries are used up, or when the
// failure is permanent, the task is FAILED with its reason and waits for staff.

export type RunOutcome = "succeeded" | "accepted" | "failed" | "skipped";

/** Thrown inside a transaction when the task left RUNNING meanwhile (cancelled): roll back. */
class TaskMoved extends Error {}

const TX_OPTIONS = { timeout: 120_000, maxWait: 10_000 };

export async function runTask(
  db: Db,
  job: { taskId: string; actor?: TaskActor; retryCount: number; retryLimit: number },
): Promise<RunOutcome> {
  const actor = job.actor ?? null;
  const task = await db.$transaction(async (tx) => {
    const found = await tx.fulfilmentTask.findUnique({
      where: { id: job.taskId },
      select: {
        id: true,
        requestId: true,
        action: true,
        status: true,
        attempts: true,
        acceptedAt: true,
        awaitingStart: true,
        system: { select: { id: true, key: true, connector: true, config: true } },
        request: {
          select: {
            id: true,
            reference: true,
            type: true,
            subjectId: true,
            details: true,
            status: true,
          },
        },
      },
    });
    // MANUAL tasks wait for staff; anything not PENDING is done, cancelled or already running —
    // unless this job was delivered again because the worker running it died.
    if (!found || found.system.connector === "MANUAL" || found.awaitingStart) return null;
    const orphaned = found.status === "RUNNING" && found.acceptedAt === null && job.retryCount > 0;
    if (found.status !== "PENDING" && !orphaned) return null;
    if (!isOpen(found.request.status)) {
      await settleTask(tx, {
        task: found,
        from: ["PENDING"],
        to: "CANCELLED",
        actor,
        lastError: "request_closed",
      });
      return null;
    }
    const claimed = await tx.fulfilmentTask.updateMany({
      where: { id: found.id, status: found.status, attempts: found.attempts },
      data: {
        status: "RUNNING",
        attempts: { increment: 1 },
        startedAt: new Date(),
        acceptedAt: null,
        finishedAt: null,
      },
    });
    if (claimed.count !== 1) return null;
    await auditTask(tx, found, actor, orphaned ? "task.resume" : "task.start", {
      attempt: found.attempts + 1,
    });
    return { ...found, attempts: found.attempts + 1 };
  });
  if (!task) return "skipped";

  const ctx: TaskContext = {
    task: { id: task.id, action: task.action, attempts: task.attempts },
    request: {
      id: task.request.id,
      reference: task.request.reference,
      type: task.request.type,
      subjectId: task.request.subjectId,
      details: task.request.details,
    },
    system: task.system,
    ...(actor ? { actor } : {}),
  };

  try {
    // MANUAL tasks never get here (they wait for staff, above).
    const connector = connectorFor(task.system.connector);
    if (!connector) return "skipped";
    const answer = await perform(connector, {
      db,
      ctx,
      task,
      actor,
      settleWith: async (work) => {
        await db.$transaction(async (tx) => {
          const result = await work(tx);
          const settled = await settleTask(tx, {
            task,
            from: ["RUNNING"],
            to: "SUCCEEDED",
            actor,
            result,
          });
          if (!settled) throw new TaskMoved();
        }, TX_OPTIONS);
        return { kind: "settled" };
      },
    });
    if (answer.kind === "waiting") return "accepted";
    // A change outside the portal (an HTTP system's, a database's) is committed before the task
    // is settled here; a retry after a crash between the two finds the work done and reports it.
    if (answer.kind === "done")
      await db.$transaction((tx) =>
        settleTask(tx, { task, from: ["RUNNING"], to: "SUCCEEDED", actor, result: answer.result }),
      );
    return "succeeded";
  } catch (error) {
    if (error instanceof TaskMoved) return "skipped";
    const failure = error instanceof TaskFailure ? error : new TaskFailure("internal_error", true);
    if (!(error instanceof TaskFailure))
      log.error("fulfilment task error", error, {
        taskId: task.id,
        connector: task.system.connector,
      });
    const retry = failure.retryable && job.retryCount < retryCap(task.system, job.retryLimit);
    const retried = await db.$transaction(async (tx) => {
      if (!retry) {
        await settleTask(tx, {
          task,
          from: ["RUNNING"],
          to: "FAILED",
          actor,
          lastError: failure.reason,
        });
        return false;
      }
      const back = await tx.fulfilmentTask.updateMany({
        where: { id: task.id, status: "RUNNING" },
        data: { status: "PENDING", lastError: failure.reason },
      });
      if (back.count !== 1) return false;
      await auditTask(tx, task, actor, "task.attemptFail", {
        error: failure.reason,
        attempt: task.attempts,
      });
      return true;
    });
    log.warn("fulfilment task attempt failed", {
      taskId: task.id,
      reason: failure.reason,
      retry: retried,
    });
    // pg-boss retries a job whose handler threw, after its backoff.
    if (retried) throw failure;
    return "failed";
  }
}

/** The queue's retry limit, lowered by a system that asks for fewer retries in its settings. */
function retryCap(system: { connector: string; config: unknown }, queueLimit: number): number {
  if (system.connector !== "HTTP") return queueLimit;
  try {
    const { retries } = readHttpConfig(system.config);
    return retries === undefined ? queueLimit : Math.min(retries, queueLimit);
  } catch {
    return queueLimit;
  }
}
