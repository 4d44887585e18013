import "server-only";

import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TaskStatus } from "@/lib/generated/prisma/enums";

/** Tasks that keep a request from closing: still to run, running, or failed and not yet retried or cancelled. */
export const OPEN_TASK_STATUSES = [
  "PENDING",
  "RUNNING",
  "FAILED",
] as const satisfies readonly TaskStatus[];

/**
 * Refuses to close a request while any of its fulfilment tasks is open: a request must not be
 * answered (or refused) while a system is still changing the person's data, nor when one failed.
 */
export async function assertNoOpenTasks(tx: Pick<Tx, "fulfilmentTask">, requestId: string) {
  const open = await tx.fulfilmentTask.count({
    where: { requestId, status: { in: [...OPEN_TASK_STATUSES] } },
  });
  if (open > 0) throw new AppError("ILLEGAL_TRANSITION", "decisions.errors.tasksOpen");
}
