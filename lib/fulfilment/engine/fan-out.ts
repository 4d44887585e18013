import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";

import { enqueueTask } from "./jobs";
import { auditTask, timelineTask } from "./settle-task";
import { planTasks } from "./targets";
import { initialChecklist } from "./task-rules";

/**
 * Verified requests fan out into one fulfilment task per affected data system, in the
 * verification's transaction: the task row, its timeline and audit events and, for systems the
 * engine can reach (INTERNAL, HTTP, SQL), the job that runs it. MANUAL tasks wait for staff with their
 * checklist. Running it again creates nothing new (one task per request, system and action).
 */
export async function fanOutTasks(
  tx: Tx,
  input: { requestId: string; actor: Pick<Actor, "userId" | "role" | "ip"> },
): Promise<void> {
  const request = await tx.request.findUniqueOrThrow({
    where: { id: input.requestId },
    select: { id: true, type: true, subjectId: true, details: true },
  });
  const planned = await planTasks(tx, request);
  if (planned.length === 0) return;
  const systems = await tx.dataSystem.findMany({
    where: { id: { in: planned.map((p) => p.systemId) } },
    select: { id: true, key: true, connector: true },
  });
  const keyOf = new Map(systems.map((s) => [s.id, s.key]));
  const manual = new Set(systems.filter((s) => s.connector === "MANUAL").map((s) => s.id));
  const databases = new Set(systems.filter((s) => s.connector === "SQL").map((s) => s.id));
  // A change to one of the organisation's databases waits for staff to start it after its dry
  // run (lib/data/fulfilment/start-task.ts); reading one for a disclosure runs at once.
  const held = (p: { systemId: string; action: string }) =>
    databases.has(p.systemId) && p.action !== "EXPORT";
  const created = await tx.fulfilmentTask.createManyAndReturn({
    data: planned.map((p) => ({
      requestId: request.id,
      systemId: p.systemId,
      action: p.action,
      checklist: manual.has(p.systemId) ? initialChecklist(p.action) : [],
      awaitingStart: held(p),
    })),
    skipDuplicates: true,
    select: { id: true, requestId: true, action: true, systemId: true },
  });
  const actor = { userId: input.actor.userId, role: input.actor.role, ip: input.actor.ip };
  // Created in a stable order, so the timeline reads the same every time.
  const tasks = created
    .map((t) => ({ ...t, system: { key: keyOf.get(t.systemId) ?? "" } }))
    .sort((a, b) => a.system.key.localeCompare(b.system.key));
  for (const task of tasks) {
    await timelineTask(tx, task, actor, "taskCreated");
    await auditTask(tx, task, actor, "task.create");
    if (!manual.has(task.systemId) && !held(task)) await enqueueTask(tx, task.id);
  }
}
