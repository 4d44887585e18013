import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fanOutTasks } from "@/lib/fulfilment/engine/fan-out";
import { requestIdFor } from "@/lib/data/requests/request-id";
import { applyTransition } from "@/lib/requests/transition";
import type { TVerifyIdentity } from "@/lib/validation/requests";

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
    await fanOutTasks(tx, { requestId, actor });
  });
}
