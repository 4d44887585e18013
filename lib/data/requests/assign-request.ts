import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can, STAFF_ROLES } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isOpen } from "@/lib/requests/lifecycle";

export type AssignInput =
  /** Take an unassigned request for oneself; someone else's claim is a conflict. */
  | { mode: "claim"; reference: string }
  /** Give the request to any staff member; `expectedAssigneeId` is who the page showed. */
  | { mode: "reassign"; reference: string; assigneeId: string; expectedAssigneeId: string | null };

/**
 * Sets a request's assignee with an optimistic check: the update only applies while the assignee
 * is still the one the staff member saw (nobody, for a claim), so two people claiming at once
 * cannot both win. The timeline event (internal) and the audit event are written in the same
 * transaction. Returns whether anything changed (claiming one's own request is a no-op).
 */
export async function assignRequest(options: {
  actor: Actor;
  input: AssignInput;
}): Promise<{ changed: boolean; assigneeId: string }> {
  const { actor, input } = options;
  if (!can(actor.role, "request:assign")) throw new AppError("FORBIDDEN");
  const to = input.mode === "claim" ? actor.userId : input.assigneeId;
  const expected = input.mode === "claim" ? null : input.expectedAssigneeId;
  return getDb().$transaction(async (tx) => {
    const request = await tx.request.findUnique({
      where: { reference: input.reference },
      select: { id: true, status: true, assigneeId: true },
    });
    if (!request) throw new AppError("NOT_FOUND");
    if (!isOpen(request.status)) throw new AppError("CONFLICT", "queue.assign.closed");
    if (request.assigneeId === to) return { changed: false, assigneeId: to };
    if (input.mode === "reassign") {
      const target = await tx.user.findFirst({
        where: { id: to, role: { in: [...STAFF_ROLES] } },
        select: { id: true },
      });
      if (!target)
        throw new AppError("INVALID_INPUT", "errors.invalidInput", {
          assigneeId: "queue.assign.chooseStaff",
        });
    }
    const updated = await tx.request.updateMany({
      where: { id: request.id, assigneeId: expected },
      data: { assigneeId: to },
    });
    if (updated.count !== 1)
      throw new AppError(
        "CONFLICT",
        input.mode === "claim" ? "queue.assign.claimedByOther" : "queue.assign.changed",
      );
    const data = { mode: input.mode, from: request.assigneeId, to };
    await tx.requestEvent.create({
      data: {
        requestId: request.id,
        kind: "assigned",
        actorId: actor.userId,
        visibleToRequester: false,
        data,
      },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: input.mode === "claim" ? "request.claim" : "request.reassign",
      entityType: "Request",
      entityId: request.id,
      requestId: request.id,
      ip: actor.ip,
      data,
    });
    return { changed: true, assigneeId: to };
  });
}
