import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { loadFieldLabels } from "@/lib/data/data-map/field-labels";
import { getDb } from "@/lib/db";

/**
 * What the request form offers: the data map (categories, purposes with why a purpose cannot be
 * stopped, recipients that may be stopped) and, for a person the organisation knows, their own
 * items to pick for correction, each by its label and system (never the field's key).
 */
export async function listRequestOptions(options: { actor: Actor }) {
  const db = getDb();
  const subject = await db.subject.findUnique({
    where: { userId: options.actor.userId },
    select: { id: true },
  });
  const [categories, purposes, recipients, rows, labels] = await Promise.all([
    db.dataCategory.findMany({
      orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
      select: { key: true, nameJa: true, nameEn: true, dataClass: true },
    }),
    db.purpose.findMany({
      orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
      select: {
        key: true,
        nameJa: true,
        nameEn: true,
        suspendable: true,
        suspensionNoteJa: true,
        suspensionNoteEn: true,
      },
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
          select: {
            id: true,
            field: true,
            value: true,
            systemId: true,
            category: { select: { key: true, nameJa: true, nameEn: true } },
            system: { select: { nameJa: true, nameEn: true } },
          },
          take: 500,
        })
      : Promise.resolve([]),
    loadFieldLabels(db),
  ]);
  const items = rows.map((i) => ({
    id: i.id,
    value: i.value,
    category: i.category,
    system: i.system,
    label: {
      nameJa: labels.get(i.systemId, i.field, "ja", i.category.nameJa),
      nameEn: labels.get(i.systemId, i.field, "en", i.category.nameEn),
    },
  }));
  return { categories, purposes, recipients, items, known: subject !== null };
}

export type RequestOptions = Awaited<ReturnType<typeof listRequestOptions>>;
