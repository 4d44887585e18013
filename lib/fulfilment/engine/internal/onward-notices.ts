import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NoticeKind, RecipientClass } from "@/lib/generated/prisma/enums";

import { enqueueOnwardNotice, noticeChannel } from "@/lib/fulfilment/onward-delivery";

import type { TaskContext } from "../types";

import { auditChange } from "./run-context";

/**
 * Onward notification (GDPR Art.19; APPI's duty to keep data accurate downstream): every
 * recipient that received the affected data of this subject from this system is told of the
 * correction, erasure or stop, and the notice is tracked until the recipient confirms
 * (lib/data/fulfilment/notices.ts). Ledger entries without a source system are counted as from
 * every system: a recipient is rather told once too often than not at all. Law-enforcement
 * authorities are never notified (their disclosures sit in a separate register).
 *
 * A notice is created unsent; for a recipient with a notice channel (a signed webhook, or a mail
 * address) a job in this transaction sends it (lib/fulfilment/onward-delivery.ts) and marks it
 * sent once it is accepted. A recipient without one is told by staff another way and the notice
 * closed by a manager.
 * Idempotent: one notice per request, recipient and kind. Returns how many recipients of this
 * system's data hold a notice of this kind.
 */
export async function sendOnwardNotices(
  tx: Tx,
  ctx: TaskContext,
  input: {
    kind: NoticeKind;
    /** Recipients that received any of these categories (corrections, erasures). */
    categoryKeys?: string[];
    /** Recipients named or classed as stopped (stop of provision). */
    stopped?: { recipientIds: string[]; classes: RecipientClass[] };
  },
): Promise<number> {
  const { categoryKeys, stopped } = input;
  if (categoryKeys && categoryKeys.length === 0) return 0;
  if (stopped && stopped.recipientIds.length === 0 && stopped.classes.length === 0) return 0;
  const recipient: Prisma.RecipientWhereInput = {
    recipientClass: { not: "LAW_ENFORCEMENT" },
    ...(stopped
      ? {
          OR: [{ id: { in: stopped.recipientIds } }, { recipientClass: { in: stopped.classes } }],
        }
      : {}),
  };
  const records = await tx.provisionRecord.findMany({
    where: {
      subjectId: ctx.request.subjectId,
      OR: [{ sourceSystemId: ctx.system.id }, { sourceSystemId: null }],
      ...(categoryKeys ? { items: { hasSome: categoryKeys } } : {}),
      recipient,
    },
    select: { recipientId: true, items: true },
  });
  // Each recipient once, with the affected categories it received.
  const received = new Map<string, Set<string>>();
  for (const r of records) {
    const items = received.get(r.recipientId) ?? new Set<string>();
    for (const k of r.items) if (categoryKeys?.includes(k)) items.add(k);
    received.set(r.recipientId, items);
  }
  if (received.size === 0) return 0;
  const created = await tx.recipientNotice.createManyAndReturn({
    data: [...received].map(([recipientId, items]) => ({
      requestId: ctx.request.id,
      recipientId,
      kind: input.kind,
      items: [...items].sort(),
    })),
    skipDuplicates: true,
    select: {
      id: true,
      recipientId: true,
      recipient: {
        select: { noticeEmail: true, noticeWebhookUrl: true, noticeWebhookSecret: true },
      },
    },
  });
  for (const notice of created) {
    const channel = noticeChannel(notice.recipient);
    if (channel !== "NONE") await enqueueOnwardNotice(tx, notice.id);
    await auditChange(tx, ctx, {
      action: "recipient-notice.create",
      entityType: "RecipientNotice",
      entityId: notice.id,
      data: { recipientId: notice.recipientId, kind: input.kind, channel },
    });
  }
  return received.size;
}
