import type { Db } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";

// What each field of a system is called (DataField, edited by managers in the settings). Every
// item shown to a person goes through these labels, never its raw field key: a field the data map
// does not name yet shows the name of its category instead (the settings list it as one to name,
// lib/data/data-map/config/system-fields.ts). A field that is already words, not a key (what a
// person typed when asking to add an item), is shown as it is.

export interface FieldLabels {
  /** The label of `field` in `systemId`, in the locale; `fallback` when the data map has none. */
  get(systemId: string, field: string, locale: Locale, fallback: string): string;
  has(systemId: string, field: string): boolean;
}

const keyOf = (systemId: string, field: string) => `${systemId}\u0000${field}`;

/** A system's identifier (fullNameKana, sl_uid, last-ip), not words meant for a reader. */
export const looksLikeKey = (field: string) => /^[A-Za-z][A-Za-z0-9_.-]*$/.test(field);

export function fieldLabelsFrom(
  rows: readonly { systemId: string; key: string; labelJa: string; labelEn: string }[],
): FieldLabels {
  const map = new Map(rows.map((r) => [keyOf(r.systemId, r.key), r]));
  return {
    get(systemId, field, locale, fallback) {
      const row = map.get(keyOf(systemId, field));
      if (!row) return looksLikeKey(field) || !field.trim() ? fallback : field;
      const text = locale === "ja" ? row.labelJa : row.labelEn;
      // One language may be missing while a manager fills it in: the other beats the fallback.
      return text || row.labelJa || row.labelEn || fallback;
    },
    has: (systemId, field) => map.has(keyOf(systemId, field)),
  };
}

/** Every field label (the data map's; a few hundred rows at most). */
export async function loadFieldLabels(db: Pick<Db, "dataField">): Promise<FieldLabels> {
  return fieldLabelsFrom(
    await db.dataField.findMany({
      select: { systemId: true, key: true, labelJa: true, labelEn: true },
    }),
  );
}
