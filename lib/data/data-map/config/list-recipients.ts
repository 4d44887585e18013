import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";

import { assertCanConfigure } from "./shared";

/**
 * The recipients (all, or the one with `id`), with how much refers to each and whether its notice
 * webhook has a signing secret (never the secret itself).
 */
export async function listRecipients(options: { actor: Actor; id?: string }) {
  assertCanConfigure(options.actor);
  const db = getDb();
  const where = options.id ? { id: options.id } : {};
  const [rows, signed] = await Promise.all([
    db.recipient.findMany({
      where,
      orderBy: [{ recipientClass: "asc" }, { key: "asc" }],
      include: {
        _count: { select: { provisions: true, consents: true, restrictions: true, notices: true } },
      },
    }),
    db.recipient.findMany({
      where: { ...where, noticeWebhookSecret: { not: null } },
      select: { id: true },
    }),
  ]);
  const hasSecret = new Set(signed.map((r) => r.id));
  return rows.map(({ _count, ...r }) => ({
    ...r,
    hasWebhookSecret: hasSecret.has(r.id),
    references: _count.provisions + _count.consents + _count.restrictions + _count.notices,
  }));
}

export type ConfigRecipient = Awaited<ReturnType<typeof listRecipients>>[number];
