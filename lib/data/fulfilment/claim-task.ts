import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditTask } from "@/lib/fulfilment/engine/settle-task";
import { canCompleteManually } from "@/lib/fulfilment/engine/task-rules";
import type { TTaskRef } from "@/lib/validation/fulfilment";

import { findTaskForChange, taskActor } from "./find-task";

/** A staff member takes a MANUAL task (or takes it over): it is theirs and in progress. */
export async function claimTask(options: { actor: Actor; input: TTaskRef }) {
  const { actor, input } = options;
  if (!can(actor.role, "request:fulfil")) throw new AppError("FORBIDDEN");
  const task = await findTaskForChange(actor, input);
  if (!canCompleteManually(task))
    throw new AppError("CONFLICT", "fulfilment.tasks.errors.notManual");
  await getDb().$transaction(async (tx) => {
    const claimed = await tx.fulfilmentTask.updateMany({
      where: { id: task.id, status: { in: ["PENDING", "RUNNING"] } },
      data: {
        assigneeId: actor.userId,
        status: "RUNNING",
        ...(task.status === "PENDING" ? { startedAt: new Date() } : {}),
      },
    });
    if (claimed.count !== 1) throw new AppError("CONFLICT");
    await auditTask(tx, task, taskActor(actor), "task.claim", {
      previousAssignee: task.assigneeId,
    });
  });
}
