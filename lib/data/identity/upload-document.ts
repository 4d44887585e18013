import "server-only";

import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { requestScope } from "@/lib/data/requests/get-request";
import { getDb, type Tx } from "@/lib/db";
import type { DocumentKind, DocumentOwner, RequestStatus } from "@/lib/generated/prisma/enums";
import type { MessageKey } from "@/lib/i18n/translate";
import { checkDocument } from "@/lib/identity/check-document";
import { scanForMyNumber } from "@/lib/identity/my-number-scan";
import {
  acceptsUploads,
  MAX_REQUEST_BYTES,
  MAX_REQUEST_DOCUMENTS,
  refusalMessageKey,
  type DocumentRefusal,
} from "@/lib/identity/rules";
import { deleteStoredFile, storeEncryptedFile } from "@/lib/storage/file-store";

import { resumeIdentityReview } from "./resume-review";

export type UploadDocumentResult =
  | { ok: true; document: { id: string; kind: DocumentKind; sizeBytes: number } }
  | {
      ok: false;
      code: "FORBIDDEN" | "NOT_FOUND" | "CLOSED" | "REFUSED";
      error: MessageKey;
      reason?: DocumentRefusal;
    };

// Raised inside the transaction when the request changed since the first look; rolls it back.
class Refused extends Error {
  constructor(readonly result: Extract<UploadDocumentResult, { ok: false }>) {
    super(result.code);
  }
}

const refused = (reason: DocumentRefusal) =>
  ({ ok: false, code: "REFUSED", error: refusalMessageKey(reason), reason }) as const;
const closed = { ok: false, code: "CLOSED", error: "identity.errors.closed" } as const;

/** What the request's stored documents already take: bytes and number of files. */
async function usage(tx: Pick<Tx, "identityDocument">, requestId: string) {
  const found = await tx.identityDocument.aggregate({
    where: { requestId, purgedAt: null },
    _sum: { sizeBytes: true },
    _count: true,
  });
  return { bytes: found._sum.sizeBytes ?? 0, count: found._count };
}

/**
 * A requester adds an identity document to their open request: checked by content, stored
 * encrypted, then its row and audit event written in one transaction. A refused file, or a
 * failed write, leaves nothing behind.
 */
export async function uploadIdentityDocument(options: {
  actor: Actor;
  reference: string;
  kind: DocumentKind;
  owner: DocumentOwner;
  bytes: Buffer;
}): Promise<UploadDocumentResult> {
  const { actor, reference, kind, owner } = options;
  // Documents come from the requester; staff verify them and never add to them.
  if (!can(actor.role, "request:file"))
    return { ok: false, code: "FORBIDDEN", error: "errors.forbidden" };
  const db = getDb();
  const request = await db.request.findFirst({
    where: { AND: [{ reference }, requestScope(actor)] },
    select: { id: true, status: true },
  });
  // Another subject's request and an unknown reference look the same.
  if (!request) return { ok: false, code: "NOT_FOUND", error: "errors.notFound" };
  if (!acceptsUploads(request.status)) return closed;

  const used = await usage(db, request.id);
  if (used.count >= MAX_REQUEST_DOCUMENTS) return refused("tooMany");
  const checked = await checkDocument({ bytes: options.bytes, usedBytes: used.bytes });
  if (!checked.ok) return refused(checked.reason);

  // A document showing a My Number is never stored: only its hash and the decision are kept,
  // and the requester is asked at once for a copy with the number covered.
  const scan = await scanForMyNumber(checked.bytes, checked.mimeType);
  if (scan.found) {
    await db.$transaction(async (tx) => {
      const now = new Date();
      const row = await tx.identityDocument.create({
        data: {
          requestId: request.id,
          owner,
          kind,
          mimeType: checked.mimeType,
          sizeBytes: checked.sizeBytes,
          sha256: checked.sha256,
          purgedAt: now,
          purgeNote: "MY_NUMBER",
          myNumberFlaggedAt: now,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: "identity.document.my-number-destroyed",
        entityType: "IdentityDocument",
        entityId: row.id,
        requestId: request.id,
        ip: actor.ip,
        data: { kind, owner, mimeType: checked.mimeType, read: scan.checked },
      });
    });
    return refused("myNumber");
  }

  const stored = await storeEncryptedFile({ plaintext: checked.bytes });
  try {
    const document = await db.$transaction(async (tx) => {
      // The row lock serialises uploads to one request, so two at once cannot both pass the
      // total limit, and a status change since the first look is seen.
      const [locked] = await tx.$queryRaw<{ status: RequestStatus }[]>`
        SELECT status FROM "Request" WHERE id = ${request.id} FOR UPDATE`;
      if (!locked || !acceptsUploads(locked.status)) throw new Refused(closed);
      const now = await usage(tx, request.id);
      if (now.count >= MAX_REQUEST_DOCUMENTS) throw new Refused(refused("tooMany"));
      if (now.bytes + checked.sizeBytes > MAX_REQUEST_BYTES)
        throw new Refused(refused("requestLimit"));
      const row = await tx.identityDocument.create({
        data: {
          requestId: request.id,
          owner,
          kind,
          storageKey: stored.storageKey,
          wrappedKey: stored.wrappedKey,
          mimeType: checked.mimeType,
          sizeBytes: checked.sizeBytes,
          sha256: checked.sha256,
        },
        select: { id: true, kind: true, sizeBytes: true },
      });
      // Ids and facts about the file only: never its name, content or hash.
      await recordAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: "identity.document.upload",
        entityType: "IdentityDocument",
        entityId: row.id,
        requestId: request.id,
        ip: actor.ip,
        data: { kind, owner, mimeType: checked.mimeType, sizeBytes: checked.sizeBytes },
      });
      // Staff asked for (new) documents: this one returns the request to them for review.
      if (locked.status === "AWAITING_IDENTITY")
        await resumeIdentityReview(tx, { requestId: request.id, actor });
      return row;
    });
    return { ok: true, document };
  } catch (error) {
    await deleteStoredFile(stored);
    if (error instanceof Refused) return error.result;
    throw error;
  }
}
