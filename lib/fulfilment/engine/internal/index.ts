import type { Tx } from "@/lib/db";

import type { TaskContext, TaskResult } from "../types";

import { correctItems } from "./correct-items";
import { eraseItems } from "./erase-items";
import { exportItems } from "./export-items";
import { restrictPurposes, stopProvision } from "./restrict-use";

export { sendOnwardNotices } from "./onward-notices";

/**
 * Carries out a task's action on the portal's own records (INTERNAL connector) in the caller's
 * transaction: export, correction, erasure, restriction, stop of provision. Only this task's
 * system is touched; every change to personal data writes its audit event in the same
 * transaction; a retried task reports what it did before instead of doing it twice.
 */
export async function runInternalAction(tx: Tx, ctx: TaskContext): Promise<TaskResult> {
  switch (ctx.task.action) {
    case "EXPORT":
      return exportItems(tx, ctx);
    case "CORRECT":
      return correctItems(tx, ctx);
    case "ERASE":
      return eraseItems(tx, ctx);
    case "RESTRICT":
      return restrictPurposes(tx, ctx);
    case "STOP_PROVISION":
      return stopProvision(tx, ctx);
  }
}
