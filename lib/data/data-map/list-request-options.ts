import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";

/**
 * What the request form offers: the data map (categories, purposes, recipients that may be
 * stopped) and, for a person the organisation knows, their own items to pick for correction.
 */
export async function listRequestOptions(options: { actor: Actor }) {
  const db = getDb();
  const subject = await db.subject.findUnique({
    where: { userId: options.actor.userId },
    select: { id: true },
  });
  const [categories, purposes, recipients, items] = await Promise.all([
    db.dataCategory.findMany({
      orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
      select: { key: true, nameJa: true, nameEn: true, dataClass: true },
    }),
    db.purpose.findMany({
      orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
      select: { key: true, nameJa: true, nameEn: true, suspendable: true },
    }),
    db.recipient.findMany({
      where: { recipientClass: { not: "LAW_ENFORCEMENT" } },
      orderBy: [{ recipientClass: "asc" }, { key: "asc" }],
      select: { key: true, nameJa: true, nameEn: true, recipientClass: true },
    }),
    subject
      ? db.personalDataItem.findMany({
          where: { subjectId: subject.id, erasedAt: null },
          orderBy: [{ category: { sortOrder: "asc" } }, { field: "asc" }],
          select: { id: true, field: true, value: true, category: { select: { key: true } } },
          take: 500,
        })
      : Promise.resolve([]),
  ]);
  return { categories, purposes, recipients, items, known: subject !== null };
}

export type RequestOptions = Awaited<ReturnType<typeof listRequestOptions>>;
