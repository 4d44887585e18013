import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type {
  FilerRole,
  Locale,
  RequestStatus,
  VerificationResult,
} from "@/lib/generated/prisma/enums";
import { schedulePurge, type PurgeNote } from "@/lib/identity/purge";

// The part every identity decision shares, written in the decision's transaction before its
// transition: the request locked, the VerificationDecision row, its audit event, and the purge
// of the documents the decision was made on.

export interface LockedRequest {
  id: string;
  status: RequestStatus;
  filerRole: FilerRole;
  locale: Locale;
}

/**
 * Locks the request row for the transaction: an upload to it waits until the decision commits,
 * so every document the decision was made on is also one it destroys.
 */
export async function lockRequest(tx: Tx, requestId: string): Promise<LockedRequest> {
  const [locked] = await tx.$queryRaw<LockedRequest[]>`
    SELECT id, status, "filerRole", locale FROM "Request" WHERE id = ${requestId} FOR UPDATE`;
  if (!locked) throw new AppError("NOT_FOUND");
  return locked;
}

export async function recordDecision(
  tx: Tx,
  input: {
    actor: Pick<Actor, "userId" | "role" | "ip">;
    requestId: string;
    result: VerificationResult;
    checks?: Record<string, boolean>;
    reasons?: string[];
    note: string;
    /** Why the files go (defaults to the result); a flagged My Number says so. */
    purgeNote?: PurgeNote;
    /** Files already cleared from their rows, deleted again by the job in case that failed. */
    storageKeys?: string[];
    /** The decision is about one flagged document only: the others stay for the review. */
    keepOtherDocuments?: boolean;
  },
): Promise<{ decisionId: string; documentIds: string[] }> {
  const { actor, requestId, result } = input;
  const documents = input.keepOtherDocuments
    ? []
    : await tx.identityDocument.findMany({
        where: { requestId, purgedAt: null },
        select: { id: true },
      });
  const documentIds = documents.map((d) => d.id);
  const decision = await tx.verificationDecision.create({
    data: {
      requestId,
      result,
      checks: input.checks ?? {},
      reasons: input.reasons ?? [],
      note: input.note,
      decidedById: actor.userId,
    },
    select: { id: true },
  });
  // Codes and counts only: the note and the documents' contents stay out of the audit log.
  await recordAudit(tx, {
    actorId: actor.userId,
    actorRole: actor.role,
    action: "identity.decide",
    entityType: "VerificationDecision",
    entityId: decision.id,
    requestId,
    ip: actor.ip,
    data: {
      result,
      reasons: (input.reasons ?? []).join(","),
      documents: documentIds.length,
      ...(input.checks ?? {}),
    },
  });
  if (documentIds.length > 0) {
    await tx.identityDocument.updateMany({
      where: { id: { in: documentIds } },
      data: { purgeAfter: new Date() },
    });
  }
  await schedulePurge(
    tx,
    { requestId, documentIds, note: input.purgeNote ?? result, storageKeys: input.storageKeys },
    decision.id,
  );
  return { decisionId: decision.id, documentIds };
}

/**
 * A message to the requester on their request page, from the staff member deciding. The
 * decision's status change mails them already, so this one sends no mail of its own.
 */
export async function messageRequester(
  tx: Tx,
  input: { actor: Pick<Actor, "userId" | "role" | "ip">; requestId: string; body: string },
): Promise<void> {
  const { actor, requestId } = input;
  const message = await tx.message.create({
    data: { requestId, authorId: actor.userId, direction: "TO_REQUESTER", body: input.body },
    select: { id: true },
  });
  await recordAudit(tx, {
    actorId: actor.userId,
    actorRole: actor.role,
    action: "message.send",
    entityType: "Message",
    entityId: message.id,
    requestId,
    ip: actor.ip,
    data: { direction: "TO_REQUESTER" },
  });
}
