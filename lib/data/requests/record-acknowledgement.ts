import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isOpen } from "@/lib/requests/lifecycle";
import type { TRecordAcknowledgement } from "@/lib/validation/queue";

/**
 * Records that the requester was told the request arrived, by the channel staff used (a request
 * entered for an agent, or without an address, gets no acknowledgement mail). Once only: the
 * first record stands. Timeline and audit in the same transaction.
 */
export async function recordAcknowledgement(options: {
  actor: Actor;
  input: TRecordAcknowledgement;
}) {
  const { actor, input } = options;
  if (!can(actor.role, "request:fulfil")) throw new AppError("FORBIDDEN");
  await getDb().$transaction(async (tx) => {
    const request = await tx.request.findUnique({
      where: { reference: input.reference },
      select: { id: true, status: true, acknowledgedAt: true },
    });
    if (!request) throw new AppError("NOT_FOUND");
    if (!isOpen(request.status)) throw new AppError("ILLEGAL_TRANSITION");
    const at = new Date();
    const moved = await tx.request.updateMany({
      where: { id: request.id, acknowledgedAt: null },
      data: { acknowledgedAt: at },
    });
    if (moved.count !== 1) throw new AppError("CONFLICT", "queue.ack.already");
    await tx.requestEvent.create({
      data: {
        requestId: request.id,
        kind: "acknowledged",
        actorId: actor.userId,
        at,
        data: { channel: input.channel },
      },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "request.acknowledge",
      entityType: "Request",
      entityId: request.id,
      requestId: request.id,
      ip: actor.ip,
      data: { channel: input.channel },
    });
  });
}
