import type { Tx } from "@/lib/db";

import type { TaskContext, TaskResult } from "../types";

/**
 * Carries out a task's action on the portal's own records (INTERNAL connector) in the caller's
 * transaction: export, correction, erasure, restriction, stop of provision. (Filled in by the
 * internal-actions work.)
 */
export async function runInternalAction(tx: Tx, ctx: TaskContext): Promise<TaskResult> {
  void tx;
  return { note: `no internal action for ${ctx.task.action} yet` };
}
