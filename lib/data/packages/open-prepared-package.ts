import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { downloadOf } from "@/lib/fulfilment/package/formats";
import { openEncryptedFileStream } from "@/lib/storage/stream-store";

/**
 * A package file for staff to check before release (prepared, or released), streamed and
 * decrypted; every opening is written to the audit log. Requesters use openResult instead.
 */
export async function openPreparedPackage(options: { actor: Actor; packageId: string }) {
  const { actor, packageId } = options;
  if (!can(actor.role, "request:fulfil")) return null;
  assertRecentPasskey(actor);
  const db = getDb();
  const pkg = await db.responsePackage.findUnique({
    where: { id: packageId },
    select: {
      id: true,
      requestId: true,
      format: true,
      storageKey: true,
      wrappedKey: true,
      sha256: true,
      sizeBytes: true,
      request: { select: { reference: true } },
    },
  });
  if (!pkg?.storageKey || !pkg.wrappedKey) return null;
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
        action: "package.preview",
        entityType: "ResponsePackage",
        entityId: pkg.id,
        requestId: pkg.requestId,
        ip: actor.ip,
        data: { format: pkg.format },
      }),
    );
  } catch (error) {
    // Nothing is served when the download could not be logged.
    await body.cancel();
    throw error;
  }
  return {
    ...downloadOf(pkg.format, pkg.request.reference),
    sizeBytes: pkg.sizeBytes,
    body,
  };
}
