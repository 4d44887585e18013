import "server-only";

import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import { withSystem } from "@/lib/i18n/format";

import { loadFieldLabels } from "./field-labels";

/**
 * Display names for the data-map keys a request's details refer to, in one language: categories,
 * purposes and recipients by key, and the person's own items a correction picked, by id (their
 * field's label and system, never the field's key). Only the keys the details name are read, and
 * no table the details do not refer to (a disclosure of everything reads none). The request
 * itself was read through its actor's scope; an item id not among that request's details is
 * never asked for.
 */
export async function getKeyNames(options: {
  locale: Locale;
  details?: unknown;
}): Promise<Record<string, string>> {
  const db = getDb();
  const ja = options.locale === "ja";
  const select = { key: true, nameJa: true, nameEn: true } as const;
  const keys = referencedKeys(options.details);
  const byKey = <T>(wanted: string[], read: (where: { key: { in: string[] } }) => Promise<T[]>) =>
    wanted.length > 0 ? read({ key: { in: wanted } }) : Promise.resolve([] as T[]);
  const itemIds = pickedItemIds(options.details);
  const [categories, purposes, recipients, items, labels] = await Promise.all([
    byKey(keys.category, (where) => db.dataCategory.findMany({ where, select })),
    byKey(keys.purpose, (where) => db.purpose.findMany({ where, select })),
    byKey(keys.recipient, (where) => db.recipient.findMany({ where, select })),
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
  const named = (prefix: string, rows: { key: string; nameJa: string; nameEn: string }[]) =>
    rows.map((r): [string, string] => [`${prefix}:${r.key}`, ja ? r.nameJa : r.nameEn]);
  return Object.fromEntries([
    ...named("category", categories),
    ...named("purpose", purposes),
    ...named("recipient", recipients),
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

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string" && v !== "") : [];

/**
 * The category, purpose and recipient keys a request's details name (components/requests/
 * request-details.tsx shows them): selected categories, a correction's described items, the
 * purposes of a suspension, the recipients of a record or a stop. At most 200 of each.
 */
function referencedKeys(details: unknown) {
  const d = (details ?? {}) as Record<string, unknown>;
  const items = Array.isArray(d.items) ? (d.items as unknown[]) : [];
  const itemCategories = items.map((i) => (i as { categoryKey?: unknown } | null)?.categoryKey);
  const unique = (keys: string[]) => [...new Set(keys)].slice(0, 200);
  return {
    category: unique([...strings(d.categoryKeys), ...strings(itemCategories)]),
    purpose: unique(strings(d.purposeKeys)),
    recipient: unique(strings(d.recipientKeys)),
  };
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
