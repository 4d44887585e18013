import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { readEncryptedFile } from "@/lib/storage/file-store";

import { findOpenableDocument } from "./document-access";

/**
 * An identity document's decrypted content for staff reviewing it. Every view is an audit event
 * (who, when, from where, which document), written before the content is handed out: when the
 * event cannot be written, nothing is shown. Null for anyone else, and for a destroyed file.
 */
export async function viewDocument(options: { actor: Actor; documentId: string }) {
  const { actor, documentId } = options;
  const document = await findOpenableDocument(actor, documentId);
  if (!document) return null;
  assertRecentPasskey(actor);
  let bytes: Buffer;
  try {
    bytes = await readEncryptedFile(document);
  } catch (error) {
    // Destroyed by the purge job between the look-up and the read.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  await getDb().$transaction((tx) =>
    recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "identity-document.view",
      entityType: "IdentityDocument",
      entityId: document.id,
      requestId: document.requestId,
      ip: actor.ip,
      data: { kind: document.kind, owner: document.owner },
    }),
  );
  return { bytes, mimeType: document.mimeType };
}
