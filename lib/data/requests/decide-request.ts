import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { applyTransition } from "@/lib/requests/transition";
import type { TCompleteRequest, TVerifyIdentity } from "@/lib/validation/requests";

import { requestScope } from "./get-request";

async function requestIdFor(actor: Actor, reference: string): Promise<string> {
  const found = await getDb().request.findFirst({
    where: { AND: [{ reference }, requestScope(actor)] },
    select: { id: true },
  });
  if (!found) throw new AppError("NOT_FOUND");
  return found.id;
}

/** Staff record that the requester's identity was verified; the request moves to fulfilment. */
export async function verifyIdentity(options: { actor: Actor; input: TVerifyIdentity }) {
  const { actor, input } = options;
  if (!can(actor.role, "request:verify-identity")) throw new AppError("FORBIDDEN");
  const requestId = await requestIdFor(actor, input.reference);
  await getDb().$transaction(async (tx) => {
    const decision = await tx.verificationDecision.create({
      data: { requestId, result: "VERIFIED", note: input.note, decidedById: actor.userId },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "identity.decide",
      entityType: "VerificationDecision",
      entityId: decision.id,
      requestId,
      ip: actor.ip,
      data: { result: "VERIFIED" },
    });
    await applyTransition(tx, { requestId, name: "verifyIdentity", actor, note: input.note });
  });
}

/** Staff complete a verified request with an outcome and a note the requester reads. */
export async function completeRequest(options: { actor: Actor; input: TCompleteRequest }) {
  const { actor, input } = options;
  if (!can(actor.role, "request:complete")) throw new AppError("FORBIDDEN");
  const requestId = await requestIdFor(actor, input.reference);
  await getDb().$transaction((tx) =>
    applyTransition(tx, {
      requestId,
      name: "complete",
      actor,
      outcome: input.outcome,
      note: input.note,
    }),
  );
}
