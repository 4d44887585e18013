import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { withLaggingDb } from "@/lib/db-replica";

/**
 * A short overview of what the organisation holds about the signed-in person: items per
 * category, the systems holding them and the recipients that received data. Null when the
 * person is not (yet) known as a data subject.
 */
export async function getMyDataSummary(options: { actor: Actor }) {
  const { actor } = options;
  if (!can(actor.role, "personal-data:read-own")) return null;
  // Reads that tolerate a second of lag: the replica when there is one (lib/db-replica.ts).
  return withLaggingDb(async (db) => {
    const subject = await db.subject.findUnique({
      where: { userId: actor.userId },
      select: {
        id: true,
        familyName: true,
        givenName: true,
        familyNameKana: true,
        givenNameKana: true,
        birthDate: true,
      },
    });
    if (!subject) return null;
    const [byCategory, systems, provisionCount, recipients, latest] = await Promise.all([
      db.personalDataItem.groupBy({
        by: ["categoryId"],
        where: { subjectId: subject.id, erasedAt: null },
        _count: { _all: true },
      }),
      db.dataSystem.findMany({
        where: { items: { some: { subjectId: subject.id, erasedAt: null } } },
        select: { key: true, nameJa: true, nameEn: true },
        orderBy: { key: "asc" },
      }),
      db.provisionRecord.count({ where: { subjectId: subject.id } }),
      db.recipient.count({ where: { provisions: { some: { subjectId: subject.id } } } }),
      db.provisionRecord.findMany({
        where: { subjectId: subject.id },
        orderBy: [{ providedAt: "desc" }, { id: "desc" }],
        take: 5,
        select: {
          id: true,
          providedAt: true,
          recipient: { select: { nameJa: true, nameEn: true, recipientClass: true } },
          purpose: { select: { nameJa: true, nameEn: true } },
        },
      }),
    ]);
    const categories = await db.dataCategory.findMany({
      where: { id: { in: byCategory.map((c) => c.categoryId) } },
      select: { id: true, key: true, nameJa: true, nameEn: true, dataClass: true, sortOrder: true },
      orderBy: { sortOrder: "asc" },
    });
    const counts = new Map(byCategory.map((c) => [c.categoryId, c._count._all]));
    return {
      subject,
      categories: categories.map((c) => ({ ...c, count: counts.get(c.id) ?? 0 })),
      systems,
      provisionCount,
      recipientCount: recipients,
      latestProvisions: latest,
    };
  });
}
