import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { requestIdFor } from "@/lib/data/requests/request-id";
import { AppError } from "@/lib/errors";
import type { TConfirmNotice } from "@/lib/validation/notices";

// Onward notices to the recipients that received a person's data (GDPR Art.19), sent by the
// fulfilment engine (lib/fulfilment/engine/internal/onward-notices.ts) and tracked here until
// each recipient confirms. Staff only: the requester learns that recipients were told, not who
// confirmed when (lib/data/fulfilment/request-changes.ts).

/** The request's notices, recipient by recipient, for the staff panel. */
export async function listNotices(options: { actor: Actor; reference: string }) {
  const { actor, reference } = options;
  if (!can(actor.role, "request:read-any")) throw new AppError("FORBIDDEN");
  const requestId = await requestIdFor(actor, reference);
  return getDb().recipientNotice.findMany({
    where: { requestId },
    orderBy: [{ kind: "asc" }, { recipient: { key: "asc" } }],
    select: {
      id: true,
      kind: true,
      sentAt: true,
      confirmedAt: true,
      note: true,
      recipient: {
        select: { key: true, nameJa: true, nameEn: true, recipientClass: true },
      },
    },
  });
}

export type NoticeView = Awaited<ReturnType<typeof listNotices>>[number];

/**
 * Staff record that a recipient confirmed a notice, with how; once only (a second confirmation
 * of the same notice is a conflict, so two people cannot overwrite each other's note).
 */
export async function confirmNotice(options: { actor: Actor; input: TConfirmNotice }) {
  const { actor, input } = options;
  if (!can(actor.role, "request:fulfil")) throw new AppError("FORBIDDEN");
  const requestId = await requestIdFor(actor, input.reference);
  await getDb().$transaction(async (tx) => {
    const notice = await tx.recipientNotice.findFirst({
      where: { id: input.noticeId, requestId },
      select: { id: true, kind: true, recipientId: true, sentAt: true },
    });
    if (!notice) throw new AppError("NOT_FOUND");
    const confirmed = await tx.recipientNotice.updateMany({
      where: { id: notice.id, confirmedAt: null, sentAt: { not: null } },
      data: { confirmedAt: new Date(), note: input.note },
    });
    if (confirmed.count !== 1) throw new AppError("CONFLICT");
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "recipient-notice.confirm",
      entityType: "RecipientNotice",
      entityId: notice.id,
      requestId,
      ip: actor.ip,
      data: { recipientId: notice.recipientId, kind: notice.kind },
    });
  });
}
