import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enqueueTask } from "@/lib/fulfilment/engine/jobs";
import { auditTask, timelineTask } from "@/lib/fulfilment/engine/settle-task";
import type { TTaskRef } from "@/lib/validation/fulfilment";

import { findTaskForChange, taskActor } from "./find-task";

/**
 * Starts a change to one of the organisation's databases that waited for staff (issue 18): its
 * job is created, in one transaction with the audit and timeline events. Starting it twice starts
 * it once.
 */
export async function startTask(options: { actor: Actor; input: TTaskRef }) {
  const { actor, input } = options;
  if (!can(actor.role, "request:fulfil")) throw new AppError("FORBIDDEN");
  const task = await findTaskForChange(actor, input);
  const who = taskActor(actor);
  await getDb().$transaction(async (tx) => {
    const started = await tx.fulfilmentTask.updateMany({
      where: { id: task.id, status: "PENDING", awaitingStart: true },
      data: { awaitingStart: false },
    });
    if (started.count !== 1) throw new AppError("CONFLICT", "fulfilment.tasks.errors.notStartable");
    await auditTask(tx, task, who, "task.startByStaff");
    await timelineTask(tx, task, who, "taskStarted");
    await enqueueTask(tx, task.id, who);
  });
}
