import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { readEncryptedFile } from "@/lib/storage/file-store";

import { requestScope } from "../requests/get-request";

/** A message attachment for someone who may read the message; each opening is audited. */
export async function openAttachment(options: {
  actor: Actor;
  reference: string;
  attachmentId: string;
}) {
  const { actor, reference, attachmentId } = options;
  const staff = can(actor.role, "request:message-any");
  const attachment = await getDb().messageAttachment.findFirst({
    where: {
      id: attachmentId,
      message: {
        ...(staff ? {} : { direction: { not: "INTERNAL_NOTE" } }),
        request: { AND: [{ reference }, requestScope(actor)] },
      },
    },
    select: {
      id: true,
      fileName: true,
      mimeType: true,
      storageKey: true,
      wrappedKey: true,
      message: { select: { requestId: true } },
    },
  });
  if (!attachment) return null;
  const bytes = await readEncryptedFile(attachment);
  await getDb().$transaction((tx) =>
    recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "attachment.open",
      entityType: "MessageAttachment",
      entityId: attachment.id,
      requestId: attachment.message.requestId,
      ip: actor.ip,
    }),
  );
  return { bytes, fileName: attachment.fileName, mimeType: attachment.mimeType };
}
