import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { deleteStoredFile } from "@/lib/storage/file-store";

import { discardPrepared, loadPackageRequest, lockOpenDisclosure } from "./package-request";

/**
 * Staff take back a withholding before the package is released (the request is still being
 * fulfilled); a package built with it is discarded, as for a new redaction.
 */
export async function undoRedaction(options: {
  actor: Actor;
  input: { reference: string; itemRef: string };
}) {
  const { actor, input } = options;
  const request = await loadPackageRequest(actor, input.reference);
  const db = getDb();
  const discarded = await db.$transaction(async (tx) => {
    await lockOpenDisclosure(tx, request.id);
    const redaction = await tx.itemRedaction.findUnique({
      where: { requestId_itemRef: { requestId: request.id, itemRef: input.itemRef } },
      select: { id: true },
    });
    if (!redaction) throw new AppError("NOT_FOUND");
    await tx.itemRedaction.delete({ where: { id: redaction.id } });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "package.redact-undo",
      entityType: "ItemRedaction",
      entityId: redaction.id,
      requestId: request.id,
      ip: actor.ip,
      data: { itemRef: input.itemRef },
    });
    return discardPrepared(tx, { actor, requestId: request.id, reason: "redaction" });
  });
  for (const file of discarded) await deleteStoredFile(file);
  return { discarded: discarded.length };
}
