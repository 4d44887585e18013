import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { resolveItemScope } from "@/lib/fulfilment/package/item-source";
import { isCandidate } from "@/lib/fulfilment/package/preview";
import type { TItemWithholdingGround } from "@/lib/requests/refusal-grounds";
import { deleteStoredFile } from "@/lib/storage/file-store";

import { discardPrepared, loadPackageRequest, lockOpenDisclosure } from "./package-request";

/**
 * Staff withhold one item from the disclosure with its ground (APPI Art.33(2)(i)-(iii)) and the
 * reason the requester will read. Only an item of this request's package can be named. A package already built no
 * longer matches, so it is discarded in the same transaction and must be built again.
 */
export async function redactItem(options: {
  actor: Actor;
  input: { reference: string; itemRef: string; ground: TItemWithholdingGround; reason: string };
}) {
  const { actor, input } = options;
  const request = await loadPackageRequest(actor, input.reference);
  const db = getDb();
  const scope = await resolveItemScope(db, request, request.locale);
  if (!(await isCandidate(db, scope, input.itemRef))) throw new AppError("NOT_FOUND");
  const discarded = await db.$transaction(async (tx) => {
    await lockOpenDisclosure(tx, request.id);
    const existing = await tx.itemRedaction.findUnique({
      where: { requestId_itemRef: { requestId: request.id, itemRef: input.itemRef } },
      select: { id: true },
    });
    if (existing) throw new AppError("CONFLICT");
    const redaction = await tx.itemRedaction.create({
      data: {
        requestId: request.id,
        itemRef: input.itemRef,
        ground: input.ground,
        reason: input.reason,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "package.redact",
      entityType: "ItemRedaction",
      entityId: redaction.id,
      requestId: request.id,
      ip: actor.ip,
      data: { itemRef: input.itemRef, ground: input.ground },
    });
    return discardPrepared(tx, { actor, requestId: request.id, reason: "redaction" });
  });
  for (const file of discarded) await deleteStoredFile(file);
  return { discarded: discarded.length };
}
