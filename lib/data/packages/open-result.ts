import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { downloadOf } from "@/lib/fulfilment/package/formats";
import { openEncryptedFileStream } from "@/lib/storage/stream-store";

/**
 * The requester's released result, decrypted as a stream (a package of 100,000 items is never
 * held in memory), with the download written to the audit log. Only the person who filed the
 * request or the person it is about; expired results are refused. The checksum is verified as
 * the stream ends: a file that does not match makes the download fail instead of completing.
 */
export async function openResult(options: {
  actor: Actor;
  reference: string;
  packageId: string;
  now?: Date;
}) {
  const { actor, reference, packageId } = options;
  const now = options.now ?? new Date();
  const db = getDb();
  const pkg = await db.responsePackage.findFirst({
    where: {
      id: packageId,
      releasedAt: { not: null },
      request: {
        reference,
        OR: [{ filedById: actor.userId }, { subject: { userId: actor.userId } }],
      },
    },
    select: {
      id: true,
      requestId: true,
      format: true,
      storageKey: true,
      wrappedKey: true,
      sha256: true,
      sizeBytes: true,
      expiresAt: true,
    },
  });
  if (!pkg?.storageKey || !pkg.wrappedKey) return { status: "not-found" as const };
  if (pkg.expiresAt && pkg.expiresAt <= now) return { status: "expired" as const };
  const body = await openEncryptedFileStream({
    storageKey: pkg.storageKey,
    wrappedKey: pkg.wrappedKey,
    sha256: pkg.sha256,
  });
  try {
    await db.$transaction((tx) =>
      recordAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: "package.download",
        entityType: "ResponsePackage",
        entityId: pkg.id,
        requestId: pkg.requestId,
        ip: actor.ip,
      }),
    );
  } catch (error) {
    // Nothing is served when the download could not be logged.
    await body.cancel();
    throw error;
  }
  return {
    status: "ok" as const,
    format: pkg.format,
    ...downloadOf(pkg.format, reference),
    sizeBytes: pkg.sizeBytes,
    body,
  };
}
