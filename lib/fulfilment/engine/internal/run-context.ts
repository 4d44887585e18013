import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db";
import type { RestrictionKind, RecipientClass } from "@/lib/generated/prisma/enums";
import { toLocale, type Locale } from "@/lib/i18n/config";
import { enqueueRestrictionsChanged } from "@/lib/integration/webhooks";

import type { TaskContext } from "../types";

// What every internal action shares: the audit event each change writes (ids and codes, never
// values), the markers a retried task finds its earlier changes by, and the request's language.

/** The audit log's actor when the job runs on its own. */
export const SYSTEM_ROLE = "SYSTEM";

export async function auditChange(
  tx: Tx,
  ctx: TaskContext,
  input: {
    action: string;
    entityType: string;
    entityId: string;
    data?: Record<string, string | number | boolean | null>;
  },
): Promise<void> {
  await recordAudit(tx, {
    actorId: ctx.actor?.userId ?? null,
    actorRole: ctx.actor?.role ?? SYSTEM_ROLE,
    ip: ctx.actor?.ip ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    requestId: ctx.request.id,
    data: { taskId: ctx.task.id, systemId: ctx.system.id, ...input.data },
  });
}

/**
 * The personal-data changes this request already made in this system (the audit events are the
 * markers: written in the same transaction as the change, so they exist exactly when it does).
 */
export async function priorChanges(tx: Tx, ctx: TaskContext, actions: string[]) {
  const rows = await tx.auditEvent.findMany({
    where: {
      requestId: ctx.request.id,
      entityType: "PersonalDataItem",
      action: { in: actions },
    },
    orderBy: { id: "asc" },
    select: { action: true, entityId: true, data: true },
  });
  return rows
    .map((r) => ({ ...r, data: (r.data ?? {}) as Record<string, unknown> }))
    .filter((r) => r.data.systemId === ctx.system.id);
}

export async function requestLocale(tx: Tx, ctx: TaskContext): Promise<Locale> {
  const request = await tx.request.findUnique({
    where: { id: ctx.request.id },
    select: { locale: true },
  });
  return toLocale(request?.locale);
}

/**
 * One use restriction of this request (APPI Art.35), created once: a retried task finds the row
 * it made before. Returns whether it was new.
 */
export async function ensureRestriction(
  tx: Tx,
  ctx: TaskContext,
  input: {
    kind: RestrictionKind;
    purposeId?: string;
    recipientId?: string;
    recipientClass?: RecipientClass;
  },
): Promise<boolean> {
  const target = {
    subjectId: ctx.request.subjectId,
    requestId: ctx.request.id,
    kind: input.kind,
    purposeId: input.purposeId ?? null,
    recipientId: input.recipientId ?? null,
    recipientClass: input.recipientClass ?? null,
  };
  const existing = await tx.useRestriction.findFirst({
    where: { ...target, liftedAt: null },
    select: { id: true },
  });
  if (existing) return false;
  const created = await tx.useRestriction.create({ data: target, select: { id: true } });
  await enqueueRestrictionsChanged(tx, { subjectId: target.subjectId });
  await auditChange(tx, ctx, {
    action: "use-restriction.create",
    entityType: "UseRestriction",
    entityId: created.id,
    data: {
      kind: input.kind,
      purposeId: target.purposeId,
      recipientId: target.recipientId,
      recipientClass: target.recipientClass,
    },
  });
  return true;
}
