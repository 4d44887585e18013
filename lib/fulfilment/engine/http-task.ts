import type { Db, Tx } from "@/lib/db";

import { appBaseUrl } from "./base-url";
import { detailsForSystem } from "./targets";
import type { TaskContext } from "./types";
import type { THttpTask } from "./wire";

/**
 * The body an HTTP system receives for a task: the request's reference and type, the person as
 * that system knows them (its own ids, the email address) and only the part of the request the
 * action needs, with the URL to call back.
 */
export async function buildHttpTask(db: Db | Tx, ctx: TaskContext): Promise<THttpTask> {
  const [externalIds, subject] = await Promise.all([
    db.subjectExternalId.findMany({
      where: { subjectId: ctx.request.subjectId, systemId: ctx.system.id },
      orderBy: { externalId: "asc" },
      select: { externalId: true },
    }),
    db.subject.findUnique({ where: { id: ctx.request.subjectId }, select: { email: true } }),
  ]);
  return {
    taskId: ctx.task.id,
    requestReference: ctx.request.reference,
    action: ctx.task.action,
    requestType: ctx.request.type,
    subject: { externalIds: externalIds.map((e) => e.externalId), email: subject?.email ?? null },
    details: await detailsForSystem(db as Tx, ctx.request, ctx.task.action, ctx.system.id),
    callbackUrl: `${appBaseUrl()}/api/connectors/${encodeURIComponent(ctx.system.key)}/callback`,
  };
}
