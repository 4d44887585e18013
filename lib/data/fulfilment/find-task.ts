import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requestIdFor } from "@/lib/data/requests/request-id";
import { isOpen } from "@/lib/requests/lifecycle";
import type { TTaskRef } from "@/lib/validation/fulfilment";

/**
 * A task of a request the actor may see, for a change: NOT_FOUND when the reference or the task
 * is out of scope (a task id from another request included), CONFLICT once the request is closed.
 */
export async function findTaskForChange(actor: Actor, input: TTaskRef) {
  const requestId = await requestIdFor(actor, input.reference);
  const task = await getDb().fulfilmentTask.findFirst({
    where: { id: input.taskId, requestId },
    select: {
      id: true,
      requestId: true,
      action: true,
      status: true,
      startedAt: true,
      assigneeId: true,
      checklist: true,
      system: { select: { key: true, connector: true } },
      request: { select: { status: true } },
    },
  });
  if (!task) throw new AppError("NOT_FOUND");
  if (!isOpen(task.request.status))
    throw new AppError("CONFLICT", "fulfilment.tasks.errors.requestClosed");
  return { ...task, connector: task.system.connector };
}

/** The audit and timeline actor for a person's change. */
export const taskActor = (actor: Actor) => ({
  userId: actor.userId,
  role: actor.role,
  ip: actor.ip,
});
