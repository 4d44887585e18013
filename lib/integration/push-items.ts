import type { Tx } from "@/lib/db";

import { invalidItems, type ItemError } from "./api/errors";
import { utc, utcOrNull } from "./api/items";
import type { PushCounts } from "./push-provisions";
import { idsByKey, reportUnknown } from "./resolve";
import type { TDataItem } from "./wire";

// Personal-data items a system pushes for one subject (the subject it knows by its own external
// id). Same rules as provisions: all or nothing, one statement per batch, a repeated eventId of
// this system is a duplicate (the unique (systemId, externalEventId)).

export async function pushItems(
  tx: Tx,
  input: { systemId: string; subjectId: string; items: TDataItem[] },
): Promise<PushCounts> {
  const { systemId, subjectId, items } = input;
  const categories = await idsByKey(
    tx,
    "dataCategory",
    items.map((i) => i.category),
  );
  const errors: ItemError[] = [];
  items.forEach((item, i) =>
    reportUnknown(errors, i, categories, item.category, "unknown_category", "category"),
  );
  if (errors.length > 0) throw invalidItems(errors);

  const column = <T>(pick: (i: TDataItem) => T) => items.map(pick);
  const stored = await tx.$executeRaw`
    INSERT INTO "PersonalDataItem" ("id", "subjectId", "systemId", "categoryId", "field", "value",
      "source", "sourceNote", "linkedToPerson", "collectedAt", "updatedAt", "retainUntil",
      "externalEventId")
    SELECT gen_random_uuid()::text, ${subjectId}, ${systemId}, i.category, i.field, i.value,
      i.source::"DataSource", i.source_note, i.linked, i.collected_at, now(), i.retain_until,
      i.event_id
    FROM unnest(
      ${column((i) => categories.get(i.category))}::text[],
      ${column((i) => i.field)}::text[],
      ${column((i) => i.value)}::text[],
      ${column((i) => i.source)}::text[],
      ${column((i) => i.sourceNote)}::text[],
      ${column((i) => i.linkedToPerson)}::boolean[],
      ${column((i) => utc(i.collectedAt))}::timestamp(3)[],
      ${column((i) => utcOrNull(i.retainUntil))}::timestamp(3)[],
      ${column((i) => i.eventId)}::text[]
    ) AS i(category, field, value, source, source_note, linked, collected_at, retain_until,
      event_id)
    ON CONFLICT ("systemId", "externalEventId") DO NOTHING`;
  return { received: items.length, stored, duplicates: items.length - stored };
}
