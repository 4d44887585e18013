import "server-only";

import { createHash } from "node:crypto";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { buildResult, RESULT_TYPES } from "@/lib/fulfilment/build-result";
import { deleteStoredFile, storeEncryptedFile } from "@/lib/storage/file-store";

import { assertPackageReady } from "../packages/package-ready";

const RESULT_DAYS = 7;

/**
 * Closes a request (`apply` runs the closing transition) and, when `release` is set, releases its
 * answer in the same transaction: the packages staff prepared (lib/data/packages) as they are, or,
 * where none was prepared, the portal's own result for the types that answer with data — built,
 * encrypted and stored first, and removed again if the transaction does not commit. Released
 * results are downloadable for seven days.
 */
export async function closeAndRelease(options: {
  actor: Pick<Actor, "userId" | "role" | "ip" | "passkeyAt">;
  requestId: string;
  release: boolean;
  apply: (tx: Tx) => Promise<void>;
}): Promise<void> {
  const { actor, requestId, release, apply } = options;
  // Releasing a result to the requester is a step-up operation (issue 13).
  if (release) assertRecentPasskey(actor);
  const db = getDb();
  const request = await db.request.findUniqueOrThrow({
    where: { id: requestId },
    select: { reference: true, type: true, subjectId: true, details: true, locale: true },
  });
  const prepared = release
    ? await db.responsePackage.findMany({
        where: { requestId, releasedAt: null },
        select: { id: true, format: true, sourcesKey: true },
      })
    : [];
  const result =
    release && prepared.length === 0 && RESULT_TYPES.includes(request.type)
      ? await buildResult(db, request)
      : null;
  const stored = result ? await storeEncryptedFile({ plaintext: result.bytes }) : null;
  try {
    await db.$transaction(async (tx) => {
      await apply(tx);
      if (!release) return;
      // A disclosure answers only with the package staff built and checked, matching its sources.
      if (request.type === "DISCLOSURE")
        await assertPackageReady(tx, { id: requestId, ...request }, prepared);
      const now = new Date();
      const expiresAt = new Date(now.getTime() + RESULT_DAYS * 86_400_000);
      const audit = (id: string, format: string) =>
        recordAudit(tx, {
          actorId: actor.userId,
          actorRole: actor.role,
          action: "package.release",
          entityType: "ResponsePackage",
          entityId: id,
          requestId,
          ip: actor.ip,
          data: { format },
        });
      for (const pkg of prepared) {
        const released = await tx.responsePackage.updateMany({
          where: { id: pkg.id, releasedAt: null },
          data: { releasedAt: now, expiresAt },
        });
        if (released.count !== 1) throw new AppError("CONFLICT");
        await audit(pkg.id, pkg.format);
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
      await audit(pkg.id, result.format);
    });
  } catch (error) {
    if (stored) await deleteStoredFile(stored);
    throw error;
  }
}
