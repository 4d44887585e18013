import "server-only";

import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import { withSystem } from "@/lib/i18n/format";

import { loadFieldLabels } from "./field-labels";

/**
 * Display names for the data-map keys a request's details refer to, in one language: categories,
 * purposes and recipients by key, and the person's own items a correction picked, by id (their
 * field's label and system, never the field's key). The request itself was read through its
 * actor's scope; an item id not among that request's details is never asked for.
 */
export async function getKeyNames(options: {
  locale: Locale;
  details?: unknown;
}): Promise<Record<string, string>> {
  const db = getDb();
  const ja = options.locale === "ja";
  const pick = (r: { key: string; nameJa: string; nameEn: string }): [string, string] =>
    [r.key, ja ? r.nameJa : r.nameEn] as const;
  const select = { key: true, nameJa: true, nameEn: true } as const;
  const itemIds = pickedItemIds(options.details);
  const [categories, purposes, recipients, items, labels] = await Promise.all([
    db.dataCategory.findMany({ select }),
    db.purpose.findMany({ select }),
    db.recipient.findMany({ select }),
    itemIds.length > 0
      ? db.personalDataItem.findMany({
          where: { id: { in: itemIds } },
          select: {
            id: true,
            systemId: true,
            field: true,
            category: { select: { nameJa: true, nameEn: true } },
            system: { select: { nameJa: true, nameEn: true } },
          },
        })
      : Promise.resolve([]),
    itemIds.length > 0 ? loadFieldLabels(db) : Promise.resolve(null),
  ]);
  // Keys are unique within each table; prefixes keep them apart.
  return Object.fromEntries([
    ...categories.map(pick).map(([k, v]): [string, string] => [`category:${k}`, v]),
    ...purposes.map(pick).map(([k, v]): [string, string] => [`purpose:${k}`, v]),
    ...recipients.map(pick).map(([k, v]): [string, string] => [`recipient:${k}`, v]),
    ...items.map((i): [string, string] => {
      const category = ja ? i.category.nameJa : i.category.nameEn;
      const label = labels?.get(i.systemId, i.field, options.locale, category) ?? category;
      return [
        `item:${i.id}`,
        withSystem(options.locale, label, ja ? i.system.nameJa : i.system.nameEn),
      ];
    }),
  ]);
}

/** The item ids a correction's details picked. */
function pickedItemIds(details: unknown): string[] {
  const items = (details as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return [];
  return items
    .map((i) => (i as { itemId?: unknown } | null)?.itemId)
    .filter((id): id is string => typeof id === "string" && id.length > 0)
    .slice(0, 20);
}
