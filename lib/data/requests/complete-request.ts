import "server-only";

import { createHash } from "node:crypto";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { buildResult, RESULT_TYPES } from "@/lib/fulfilment/build-result";
import { applyTransition } from "@/lib/requests/transition";
import { deleteStoredFile, storeEncryptedFile } from "@/lib/storage/file-store";
import type { TCompleteRequest } from "@/lib/validation/requests";

import { requestIdFor } from "./request-id";

const RESULT_DAYS = 7;

/**
 * Staff complete a verified request with an outcome and a note the requester reads. Types that
 * answer with data get their result built, encrypted and released with it, downloadable for
 * seven days; the stored file is removed again if the completion does not commit.
 */
export async function completeRequest(options: { actor: Actor; input: TCompleteRequest }) {
  const { actor, input } = options;
  if (!can(actor.role, "request:complete")) throw new AppError("FORBIDDEN");
  const requestId = await requestIdFor(actor, input.reference);
  const db = getDb();
  const request = await db.request.findUniqueOrThrow({
    where: { id: requestId },
    select: { reference: true, type: true, subjectId: true, details: true, status: true },
  });
  // Packages staff prepared (lib/data/packages) are released as they are; otherwise the types that
  // answer with data get the portal's own result built here.
  const prepared = await db.responsePackage.findMany({
    where: { requestId, releasedAt: null },
    select: { id: true, format: true },
  });
  const needsResult =
    prepared.length === 0 &&
    RESULT_TYPES.includes(request.type) &&
    request.status === "IN_PROGRESS";
  const result = needsResult ? await buildResult(db, request) : null;
  const stored = result ? await storeEncryptedFile({ plaintext: result.bytes }) : null;
  try {
    await db.$transaction(async (tx) => {
      await applyTransition(tx, {
        requestId,
        name: "complete",
        actor,
        outcome: input.outcome,
        note: input.note,
      });
      const now = new Date();
      const expiresAt = new Date(now.getTime() + RESULT_DAYS * 86_400_000);
      for (const pkg of prepared) {
        const released = await tx.responsePackage.updateMany({
          where: { id: pkg.id, releasedAt: null },
          data: { releasedAt: now, expiresAt },
        });
        if (released.count !== 1) throw new AppError("CONFLICT");
        await recordAudit(tx, {
          actorId: actor.userId,
          actorRole: actor.role,
          action: "package.release",
          entityType: "ResponsePackage",
          entityId: pkg.id,
          requestId,
          ip: actor.ip,
          data: { format: pkg.format },
        });
      }
      if (!result || !stored) return;
      const pkg = await tx.responsePackage.create({
        data: {
          requestId,
          format: result.format,
          ...stored,
          sha256: createHash("sha256").update(result.bytes).digest("hex"),
          sizeBytes: result.bytes.length,
          releasedAt: now,
          expiresAt,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: "package.release",
        entityType: "ResponsePackage",
        entityId: pkg.id,
        requestId,
        ip: actor.ip,
        data: { format: result.format },
      });
    });
  } catch (error) {
    if (stored) await deleteStoredFile(stored);
    throw error;
  }
}
