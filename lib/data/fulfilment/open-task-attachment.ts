import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { readEncryptedFile } from "@/lib/storage/file-store";

/**
 * A file a staff member attached when completing a manual task, for staff only (it may hold the
 * person's data from the organisation's systems); each opening is audited. Null otherwise.
 */
export async function openTaskAttachment(options: { actor: Actor; attachmentId: string }) {
  const { actor, attachmentId } = options;
  if (!can(actor.role, "request:fulfil")) return null;
  const attachment = await getDb().taskAttachment.findUnique({
    where: { id: attachmentId },
    select: {
      id: true,
      fileName: true,
      mimeType: true,
      storageKey: true,
      wrappedKey: true,
      task: { select: { requestId: true } },
    },
  });
  if (!attachment) return null;
  const bytes = await readEncryptedFile(attachment);
  await getDb().$transaction((tx) =>
    recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "task-attachment.open",
      entityType: "TaskAttachment",
      entityId: attachment.id,
      requestId: attachment.task.requestId,
      ip: actor.ip,
    }),
  );
  return { bytes, fileName: attachment.fileName, mimeType: attachment.mimeType };
}
