import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { loadFieldLabels } from "@/lib/data/data-map/field-labels";
import { withLaggingDb } from "@/lib/db-replica";

/**
 * The signed-in person's personal data items (erased ones left out), each with its system,
 * category (and data class), the field's label in both languages (never its key), source and
 * 取得の経緯, and the purposes its system uses that category for. Null when the person is not
 * known as a data subject.
 */
export async function listMyPersonalData(options: { actor: Actor }) {
  const { actor } = options;
  if (!can(actor.role, "personal-data:read-own")) return null;
  // Reads that tolerate a second of lag: the replica when there is one (lib/db-replica.ts).
  return withLaggingDb(async (db) => {
    const subject = await db.subject.findUnique({
      where: { userId: actor.userId },
      select: { id: true },
    });
    if (!subject) return null;
    const items = await db.personalDataItem.findMany({
      where: { subjectId: subject.id, erasedAt: null },
      select: {
        id: true,
        field: true,
        value: true,
        source: true,
        sourceNote: true,
        linkedToPerson: true,
        collectedAt: true,
        retainUntil: true,
        legalHold: true,
        legalHoldReason: true,
        systemId: true,
        categoryId: true,
        system: { select: { key: true, nameJa: true, nameEn: true } },
        category: {
          select: { key: true, nameJa: true, nameEn: true, dataClass: true, sortOrder: true },
        },
      },
      orderBy: [{ collectedAt: "desc" }, { id: "asc" }],
    });
    const labels = await loadFieldLabels(db);
    const uses = await db.systemCategoryPurpose.findMany({
      where: {
        systemId: { in: [...new Set(items.map((i) => i.systemId))] },
        categoryId: { in: [...new Set(items.map((i) => i.categoryId))] },
      },
      select: {
        systemId: true,
        categoryId: true,
        purpose: { select: { key: true, nameJa: true, nameEn: true, sortOrder: true } },
      },
    });
    const purposesOf = new Map<string, (typeof uses)[number]["purpose"][]>();
    for (const u of uses) {
      const key = `${u.systemId}:${u.categoryId}`;
      purposesOf.set(key, [...(purposesOf.get(key) ?? []), u.purpose]);
    }
    return items.map(({ systemId, categoryId, field, ...item }) => ({
      ...item,
      label: {
        nameJa: labels.get(systemId, field, "ja", item.category.nameJa),
        nameEn: labels.get(systemId, field, "en", item.category.nameEn),
      },
      purposes: (purposesOf.get(`${systemId}:${categoryId}`) ?? []).sort(
        (a, b) => a.sortOrder - b.sortOrder,
      ),
    }));
  });
}

export type MyPersonalDataItem = NonNullable<
  Awaited<ReturnType<typeof listMyPersonalData>>
>[number];
