import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";

import { assertCanConfigure } from "./shared";

/** The recipients (all, or the one with `id`), with how much refers to each. */
export async function listRecipients(options: { actor: Actor; id?: string }) {
  assertCanConfigure(options.actor);
  const rows = await getDb().recipient.findMany({
    where: options.id ? { id: options.id } : {},
    orderBy: [{ recipientClass: "asc" }, { key: "asc" }],
    include: {
      _count: { select: { provisions: true, consents: true, restrictions: true, notices: true } },
    },
  });
  return rows.map(({ _count, ...r }) => ({
    ...r,
    references: _count.provisions + _count.consents + _count.restrictions + _count.notices,
  }));
}

export type ConfigRecipient = Awaited<ReturnType<typeof listRecipients>>[number];
