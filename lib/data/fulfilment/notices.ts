import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { requestIdFor } from "@/lib/data/requests/request-id";
import { AppError } from "@/lib/errors";
import { hashNoticeToken, NOTICE_LINK_DAYS } from "@/lib/fulfilment/onward-delivery";
import type { NoticeKind } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/config";
import type { TCloseNotice } from "@/lib/validation/notices";

import { collectRequestChanges } from "./request-changes";

// Onward notices to the recipients that received a person's data (GDPR Art.19), created by the
// fulfilment engine (lib/fulfilment/engine/internal/onward-notices.ts) and mailed by a job
// (lib/fulfilment/onward-delivery.ts). A notice ends when the recipient confirms through its
// link, or when a manager closes it with a note (a recipient without a notice address, told by
// other means, or one that never answers). The requester sees which recipients were told
// (lib/data/fulfilment/request-changes.ts).

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
      sentTo: true,
      confirmedAt: true,
      closedAt: true,
      note: true,
      recipient: {
        select: {
          key: true,
          nameJa: true,
          nameEn: true,
          recipientClass: true,
          noticeEmail: true,
          noticeWebhookUrl: true,
        },
      },
    },
  });
}

export type NoticeView = Awaited<ReturnType<typeof listNotices>>[number];

/**
 * A manager closes a notice the recipient has not confirmed, saying how it was settled; once
 * only (a second close of the same notice is a conflict, so two people cannot overwrite each
 * other's note).
 */
export async function closeNotice(options: { actor: Actor; input: TCloseNotice }) {
  const { actor, input } = options;
  if (!can(actor.role, "request:approve")) throw new AppError("FORBIDDEN");
  const requestId = await requestIdFor(actor, input.reference);
  await getDb().$transaction(async (tx) => {
    const notice = await tx.recipientNotice.findFirst({
      where: { id: input.noticeId, requestId },
      select: { id: true, kind: true, recipientId: true },
    });
    if (!notice) throw new AppError("NOT_FOUND");
    const closed = await tx.recipientNotice.updateMany({
      where: { id: notice.id, confirmedAt: null, closedAt: null },
      data: { closedAt: new Date(), closedById: actor.userId, note: input.note, tokenHash: null },
    });
    if (closed.count !== 1) throw new AppError("CONFLICT");
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "recipient-notice.close",
      entityType: "RecipientNotice",
      entityId: notice.id,
      requestId,
      ip: actor.ip,
      data: { recipientId: notice.recipientId, kind: notice.kind },
    });
  });
}

export interface NoticeForRecipient {
  organisation: string;
  recipient: string;
  kind: NoticeKind;
  sentAt: Date;
  person: { name: string; email: string | null };
  /** The categories concerned, by name. */
  items: string[];
  /** For a correction: each corrected item of those categories and its value now. */
  corrections: { item: string; after: string | null; action: "CORRECT" | "ADD" | "DELETE" }[];
  confirmedAt: Date | null;
}

/** The notice a link opens; null when the token is unknown, closed, or older than the link lives. */
async function noticeByToken(token: string) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const notice = await getDb().recipientNotice.findUnique({
    where: { tokenHash: hashNoticeToken(token) },
    select: {
      id: true,
      kind: true,
      items: true,
      sentAt: true,
      confirmedAt: true,
      closedAt: true,
      requestId: true,
      recipientId: true,
      request: {
        select: {
          type: true,
          subject: { select: { familyName: true, givenName: true, email: true } },
        },
      },
      recipient: { select: { nameJa: true, nameEn: true } },
    },
  });
  if (!notice?.sentAt || notice.closedAt) return null;
  if (Date.now() - notice.sentAt.getTime() > NOTICE_LINK_DAYS * 86_400_000) return null;
  return { ...notice, sentAt: notice.sentAt };
}

/**
 * What a recipient sees through its link: who the person is, what was done and, for a
 * correction, the corrected values of the categories it received. Nothing else of the request.
 */
export async function openNotice(
  token: string,
  locale: Locale,
): Promise<NoticeForRecipient | null> {
  const notice = await noticeByToken(token);
  if (!notice) return null;
  const db = getDb();
  const ja = locale === "ja";
  const [organisation, categories, changes] = await Promise.all([
    db.organisation.findFirst({ select: { nameJa: true, nameEn: true } }),
    db.dataCategory.findMany({
      where: { key: { in: notice.items } },
      orderBy: { sortOrder: "asc" },
      select: { key: true, nameJa: true, nameEn: true },
    }),
    notice.kind === "CORRECTION"
      ? collectRequestChanges(db, { id: notice.requestId, type: notice.request.type }, locale)
      : null,
  ]);
  const concerned = new Set(notice.items);
  const subject = notice.request.subject;
  return {
    organisation: (ja ? organisation?.nameJa : organisation?.nameEn) ?? "",
    recipient: ja ? notice.recipient.nameJa : notice.recipient.nameEn,
    kind: notice.kind,
    sentAt: notice.sentAt,
    person: {
      name: ja
        ? `${subject.familyName} ${subject.givenName}`
        : `${subject.givenName} ${subject.familyName}`,
      email: subject.email,
    },
    items: categories.map((c) => (ja ? c.nameJa : c.nameEn)),
    corrections: (changes?.changes ?? [])
      .filter((c) => c.categoryKey && concerned.has(c.categoryKey))
      .map((c) => ({ item: c.item, after: c.after, action: c.action })),
    confirmedAt: notice.confirmedAt,
  };
}

/**
 * The recipient confirms through its link, on the page or from its system (`via`); a second
 * confirmation changes nothing.
 */
export async function confirmNoticeByToken(
  token: string,
  via: "link" | "api" = "link",
): Promise<"confirmed" | "already" | null> {
  const notice = await noticeByToken(token);
  if (!notice) return null;
  if (notice.confirmedAt) return "already";
  return getDb().$transaction(async (tx) => {
    const confirmed = await tx.recipientNotice.updateMany({
      where: { id: notice.id, confirmedAt: null, closedAt: null },
      data: { confirmedAt: new Date() },
    });
    if (confirmed.count !== 1) return "already";
    await recordAudit(tx, {
      actorId: null,
      actorRole: null,
      action: "recipient-notice.confirm",
      entityType: "RecipientNotice",
      entityId: notice.id,
      requestId: notice.requestId,
      data: { recipientId: notice.recipientId, kind: notice.kind, via },
    });
    return "confirmed";
  });
}
