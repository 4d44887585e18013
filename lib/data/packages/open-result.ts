import "server-only";

import { createHash } from "node:crypto";

import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { readEncryptedFile } from "@/lib/storage/file-store";

/**
 * The requester's released result, decrypted, with the download written to the audit log.
 * Only the person who filed the request or the person it is about; expired results are refused.
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
      expiresAt: true,
    },
  });
  if (!pkg?.storageKey || !pkg.wrappedKey) return { status: "not-found" as const };
  if (pkg.expiresAt && pkg.expiresAt <= now) return { status: "expired" as const };
  const bytes = await readEncryptedFile({ storageKey: pkg.storageKey, wrappedKey: pkg.wrappedKey });
  if (pkg.sha256 && createHash("sha256").update(bytes).digest("hex") !== pkg.sha256)
    throw new Error("result checksum mismatch");
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
  return { status: "ok" as const, bytes, format: pkg.format };
}
