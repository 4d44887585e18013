import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toLocale } from "@/lib/i18n/config";
import { enqueueMail } from "@/lib/mail/enqueue";
import { isOpen } from "@/lib/requests/lifecycle";
import { applyTransition } from "@/lib/data/requests/transition";
import type { TSendMessage } from "@/lib/validation/requests";
import { checkDocument } from "@/lib/identity/check-document";
import { refusalMessageKey } from "@/lib/identity/rules";
import { deleteStoredFile, storeEncryptedFile, type StoredFile } from "@/lib/storage/file-store";

import { requestScope } from "../requests/get-request";

/**
 * A message on a request's thread. Requesters reply (and a reply to a request for more
 * information resumes the request); staff write to the requester (optionally asking for more
 * information, which pauses it at NEEDS_INFO) or leave internal notes the requester never sees.
 */
export async function sendMessage(options: {
  actor: Actor;
  input: TSendMessage;
  attachment?: { bytes: Buffer; fileName: string };
}) {
  const { actor, input, attachment } = options;
  const staff = can(actor.role, "request:message-any");
  const allowed = input.kind === "REPLY" ? can(actor.role, "request:message-own") : staff;
  if (!allowed || (input.askForInfo && input.kind !== "TO_REQUESTER"))
    throw new AppError("FORBIDDEN");

  const db = getDb();
  const request = await db.request.findFirst({
    where: { AND: [{ reference: input.reference }, requestScope(actor)] },
    select: {
      id: true,
      status: true,
      locale: true,
      reference: true,
      identityVerifiedAt: true,
      filedBy: { select: { email: true } },
    },
  });
  if (!request) throw new AppError("NOT_FOUND");
  if (!isOpen(request.status)) throw new AppError("ILLEGAL_TRANSITION");

  // Attachments pass the identity documents' rules (type by content, size, re-encoding that drops
  // metadata, no scripts in PDFs) and are stored encrypted before the row is written.
  let stored: (StoredFile & { mimeType: string; sizeBytes: number; sha256: string }) | undefined;
  if (attachment) {
    const checked = await checkDocument({ bytes: attachment.bytes });
    if (!checked.ok)
      throw new AppError("INVALID_INPUT", refusalMessageKey(checked.reason), {
        file: refusalMessageKey(checked.reason),
      });
    stored = {
      ...(await storeEncryptedFile({ plaintext: checked.bytes })),
      mimeType: checked.mimeType,
      sizeBytes: checked.sizeBytes,
      sha256: checked.sha256,
    };
  }

  const direction = input.kind === "REPLY" ? "FROM_REQUESTER" : input.kind;
  try {
    await db.$transaction(async (tx) => {
      const message = await tx.message.create({
        data: {
          requestId: request.id,
          authorId: actor.userId,
          direction,
          body: input.body,
          ...(stored && attachment
            ? {
                attachments: {
                  create: {
                    ...stored,
                    fileName: safeFileName(attachment.fileName, stored.mimeType),
                  },
                },
              }
            : {}),
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: "message.send",
        entityType: "Message",
        entityId: message.id,
        requestId: request.id,
        ip: actor.ip,
        data: { direction },
      });
      if (input.askForInfo) {
        await applyTransition(tx, { requestId: request.id, name: "askForInfo", actor });
      } else if (direction === "FROM_REQUESTER" && request.status === "NEEDS_INFO") {
        const name = request.identityVerifiedAt ? "provideInfo" : "provideInfoBeforeVerification";
        await applyTransition(tx, { requestId: request.id, name, actor });
      }
      // A question already mails the requester through the status change; other messages mail here.
      if (direction === "TO_REQUESTER" && request.filedBy?.email && !input.askForInfo) {
        await enqueueMail(tx, {
          kind: "newMessage",
          locale: toLocale(request.locale),
          to: request.filedBy.email,
          params: { reference: request.reference },
        });
      }
    });
  } catch (error) {
    if (stored) await deleteStoredFile(stored);
    throw error;
  }
}

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "application/pdf": "pdf",
};

/** A display name that cannot carry paths or control characters, with the extension of the real type. */
function safeFileName(name: string, mimeType: string): string {
  const base =
    name
      .replace(/\.[^.]*$/, "")
      .replace(/[\\/:*?"<>|]/g, "_")
      .replace(/\p{Cc}/gu, "_")
      .trim()
      .slice(0, 80) || "attachment";
  return `${base}.${EXTENSIONS[mimeType] ?? "bin"}`;
}
