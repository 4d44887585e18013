import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { planSqlSystem, type SqlPlan } from "@/lib/fulfilment/engine/connectors/sql";
import { TaskFailure } from "@/lib/fulfilment/engine/failure";
import { auditTask } from "@/lib/fulfilment/engine/settle-task";
import type { TTaskRef } from "@/lib/validation/fulfilment";

import { findTaskForChange, taskActor } from "./find-task";

export type DryRun = { plan: SqlPlan } | { failure: string };

/**
 * What a SQL system's task would touch (issue 18): its database read in a read-only transaction,
 * nothing changed. Staff see the tables, row keys and columns with what happens to each before the
 * task runs. The reading is audited like the task's own actions.
 */
export async function dryRunTask(options: { actor: Actor; input: TTaskRef }): Promise<DryRun> {
  const { actor, input } = options;
  if (!can(actor.role, "request:fulfil")) throw new AppError("FORBIDDEN");
  const found = await findTaskForChange(actor, input);
  if (found.connector !== "SQL") throw new AppError("INVALID_INPUT", "settingsSql.errors.notSql");
  const db = getDb();
  const task = await db.fulfilmentTask.findUniqueOrThrow({
    where: { id: found.id },
    select: {
      id: true,
      requestId: true,
      action: true,
      attempts: true,
      system: { select: { id: true, key: true, connector: true, config: true } },
      request: {
        select: { id: true, reference: true, type: true, subjectId: true, details: true },
      },
    },
  });
  let result: DryRun;
  try {
    result = {
      plan: await planSqlSystem(db, {
        task: { id: task.id, action: task.action, attempts: task.attempts },
        request: task.request,
        system: task.system,
      }),
    };
  } catch (error) {
    if (!(error instanceof TaskFailure)) throw error;
    result = { failure: error.reason };
  }
  await db.$transaction((tx) =>
    auditTask(tx, task, taskActor(actor), "task.dryRun", {
      ok: "plan" in result,
    }),
  );
  return result;
}
