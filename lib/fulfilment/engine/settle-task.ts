import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TaskStatus } from "@/lib/generated/prisma/enums";

import { sendNoticesForExternalTask } from "./external-notices";
import type { TaskResult } from "./types";

// Every change of a task's state writes its audit event and, for the steps staff follow, a
// timeline event (never shown to the requester) in the same transaction. The update is
// conditional on the state it expects, so a task cancelled meanwhile is never overwritten.

/** Who moved the task: a person, or the engine itself (a job, a system's callback). */
export type TaskActor = { userId: string; role: string; ip: string | null } | null;

/** The role the audit log records when the engine or a system moves a task. */
export const ENGINE_ROLE = "SYSTEM";

export interface TaskRef {
  id: string;
  requestId: string;
  action: string;
  system: { key: string };
}

export async function auditTask(
  tx: Tx,
  task: TaskRef,
  actor: TaskActor,
  action: string,
  data: Record<string, string | number | boolean | null> = {},
) {
  await recordAudit(tx, {
    actorId: actor?.userId ?? null,
    actorRole: actor?.role ?? ENGINE_ROLE,
    ip: actor?.ip ?? null,
    action,
    entityType: "FulfilmentTask",
    entityId: task.id,
    requestId: task.requestId,
    data: { system: task.system.key, taskAction: task.action, ...data },
  });
}

export async function timelineTask(
  tx: Tx,
  task: TaskRef,
  actor: TaskActor,
  kind: string,
  data: Record<string, string | number | null> = {},
) {
  await tx.requestEvent.create({
    data: {
      requestId: task.requestId,
      kind,
      actorId: actor?.userId ?? null,
      visibleToRequester: false,
      data: { taskId: task.id, system: task.system.key, action: task.action, ...data },
    },
  });
}

const KINDS = {
  SUCCEEDED: { audit: "task.succeed", event: "taskSucceeded" },
  FAILED: { audit: "task.fail", event: "taskFailed" },
  CANCELLED: { audit: "task.cancel", event: "taskCancelled" },
} as const;

/**
 * Ends a task: SUCCEEDED with its result, FAILED with a reason code, or CANCELLED with a note.
 * Returns false (and writes nothing) when the task was no longer in one of the `from` states.
 */
export async function settleTask(
  tx: Tx,
  input: {
    task: TaskRef;
    from: readonly TaskStatus[];
    to: keyof typeof KINDS;
    actor: TaskActor;
    result?: TaskResult;
    lastError?: string;
    note?: string;
    /** Extra audit data: ids and codes only. */
    data?: Record<string, string | number | boolean | null>;
    extra?: Prisma.FulfilmentTaskUncheckedUpdateManyInput;
    /** A further condition the task must still meet (an EMAIL link's mailing, say). */
    guard?: Prisma.FulfilmentTaskWhereInput;
  },
): Promise<boolean> {
  const { task, to, actor } = input;
  const updated = await tx.fulfilmentTask.updateMany({
    where: { ...input.guard, id: task.id, status: { in: [...input.from] } },
    data: {
      status: to,
      finishedAt: new Date(),
      ...(to === "SUCCEEDED"
        ? { lastError: null, result: (input.result ?? {}) as Prisma.InputJsonValue }
        : {}),
      ...(input.lastError !== undefined ? { lastError: input.lastError } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      ...input.extra,
    },
  });
  if (updated.count !== 1) return false;
  if (to === "SUCCEEDED") await sendNoticesForExternalTask(tx, task.id);
  const code: Record<string, string> = input.lastError ? { error: input.lastError } : {};
  await auditTask(tx, task, actor, KINDS[to].audit, { ...code, ...input.data });
  await timelineTask(tx, task, actor, KINDS[to].event, code);
  return true;
}
