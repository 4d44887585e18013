import type { Tx } from "@/lib/db";

import type { ItemError } from "./api/errors";

// Turning the caller's keys (data-map keys, the system's external subject ids) into row ids, one
// query per kind for the whole batch, reporting each item whose key is unknown.

export type KeyTable = "dataCategory" | "purpose" | "recipient" | "scene";

const distinct = (values: (string | null | undefined)[]) => [
  ...new Set(values.filter((v): v is string => typeof v === "string")),
];

/** Ids by key for the given keys of one data-map table. */
export async function idsByKey(
  tx: Tx,
  table: KeyTable,
  keys: (string | null | undefined)[],
): Promise<Map<string, string>> {
  const wanted = distinct(keys);
  if (wanted.length === 0) return new Map();
  const where = { key: { in: wanted } };
  const select = { id: true, key: true } as const;
  const rows =
    table === "dataCategory"
      ? await tx.dataCategory.findMany({ where, select })
      : table === "purpose"
        ? await tx.purpose.findMany({ where, select })
        : table === "recipient"
          ? await tx.recipient.findMany({ where, select })
          : await tx.scene.findMany({ where, select });
  return new Map(rows.map((r) => [r.key, r.id]));
}

/** Subject ids by this system's external ids. */
export async function subjectsByExternalId(
  tx: Tx,
  systemId: string,
  externalIds: string[],
): Promise<Map<string, string>> {
  const wanted = distinct(externalIds);
  if (wanted.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ externalId: string; subjectId: string }[]>`
    SELECT "externalId", "subjectId" FROM "SubjectExternalId"
    WHERE "systemId" = ${systemId} AND "externalId" = ANY(${wanted}::text[])`;
  return new Map(rows.map((r) => [r.externalId, r.subjectId]));
}

/** Adds an item error for each missing key; returns the errors list for chaining. */
export function reportUnknown(
  errors: ItemError[],
  index: number,
  found: Map<string, string>,
  key: string | null | undefined,
  code: string,
  field: string,
): void {
  if (key == null || found.has(key)) return;
  errors.push({ index, code, message: `${field}: no such ${field} is known to the portal` });
}

/**
 * The subjects and data categories a batch of events names (every event has a subject and
 * items), with `report` adding an error for an event naming an unknown one.
 */
export async function subjectsAndItems(
  tx: Tx,
  systemId: string,
  events: readonly { subject: string; items: readonly string[] }[],
) {
  const [subjects, categories] = await Promise.all([
    subjectsByExternalId(
      tx,
      systemId,
      events.map((e) => e.subject),
    ),
    idsByKey(
      tx,
      "dataCategory",
      events.flatMap((e) => e.items),
    ),
  ]);
  const report = (errors: ItemError[], index: number, e: (typeof events)[number]) => {
    reportUnknown(errors, index, subjects, e.subject, "unknown_subject", "subject");
    const unknownItem = e.items.find((k) => !categories.has(k));
    reportUnknown(errors, index, categories, unknownItem, "unknown_category", "items");
  };
  return { subjects, report };
}
