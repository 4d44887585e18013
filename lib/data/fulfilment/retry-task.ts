import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enqueueTask } from "@/lib/fulfilment/engine/jobs";
import { auditTask, timelineTask } from "@/lib/fulfilment/engine/settle-task";
import { canRetry } from "@/lib/fulfilment/engine/task-rules";
import type { TTaskRef } from "@/lib/validation/fulfilment";

import { findTaskForChange, taskActor } from "./find-task";

/**
 * Runs a failed task again (or one stuck RUNNING past the stale limit): back to PENDING and a new
 * job, in one transaction with its audit and timeline events.
 */
export async function retryTask(options: { actor: Actor; input: TTaskRef }) {
  const { actor, input } = options;
  if (!can(actor.role, "request:fulfil")) throw new AppError("FORBIDDEN");
  const task = await findTaskForChange(actor, input);
  if (!canRetry(task)) throw new AppError("CONFLICT", "fulfilment.tasks.errors.notRetryable");
  const who = taskActor(actor);
  await getDb().$transaction(async (tx) => {
    const moved = await tx.fulfilmentTask.updateMany({
      where: { id: task.id, status: task.status },
      data: { status: "PENDING", startedAt: null, acceptedAt: null, finishedAt: null },
    });
    if (moved.count !== 1) throw new AppError("CONFLICT");
    await auditTask(tx, task, who, "task.retry", { from: task.status });
    await timelineTask(tx, task, who, "taskRetried");
    await enqueueTask(tx, task.id, who);
  });
}
