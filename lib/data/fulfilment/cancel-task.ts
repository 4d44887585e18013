import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { settleTask } from "@/lib/fulfilment/engine/settle-task";
import { canCancel } from "@/lib/fulfilment/engine/task-rules";
import type { TCancelTask } from "@/lib/validation/fulfilment";

import { findTaskForChange, taskActor } from "./find-task";

/** Gives up on a task (e.g. a system that will never answer), with the reason in its note. */
export async function cancelTask(options: { actor: Actor; input: TCancelTask }) {
  const { actor, input } = options;
  if (!can(actor.role, "request:fulfil")) throw new AppError("FORBIDDEN");
  const task = await findTaskForChange(actor, input);
  if (!canCancel(task)) throw new AppError("CONFLICT", "fulfilment.tasks.errors.notCancellable");
  await getDb().$transaction(async (tx) => {
    const done = await settleTask(tx, {
      task,
      from: ["PENDING", "RUNNING", "FAILED"],
      to: "CANCELLED",
      actor: taskActor(actor),
      note: input.note,
    });
    if (!done) throw new AppError("CONFLICT");
  });
}
