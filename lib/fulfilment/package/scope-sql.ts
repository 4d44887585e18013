import { Prisma } from "@/lib/generated/prisma/client";

import type { ItemScope } from "./item-source";

// SQL for the items in a scope, shared by the builder's cursor (item-source.ts), the staff preview
// (preview.ts) and the supplement's aggregates, so that all three see exactly the same items.

/** WHERE for PersonalDataItem `i` joined to DataCategory `c`. */
export function recordWhere(scope: ItemScope): Prisma.Sql {
  return Prisma.sql`i."subjectId" = ${scope.subjectId} AND i."erasedAt" IS NULL
    AND i."linkedToPerson" AND i."systemId" = ANY(${scope.recordSystemIds})
    AND c.key = ANY(${scope.categories.map((c) => c.key)})`;
}

/**
 * FROM … WHERE for connector items: FulfilmentTask `t`, its items `e(item, ord)`, and the data
 * map's category `c` (null for a key the map does not know, included only when the request
 * covers every category).
 */
export function connectorFromWhere(scope: ItemScope): Prisma.Sql {
  const inScope = scope.categoryKeys
    ? Prisma.sql`c.key = ANY(${scope.categories.map((c) => c.key)})`
    : Prisma.sql`TRUE`;
  return Prisma.sql`"FulfilmentTask" t
    CROSS JOIN LATERAL jsonb_array_elements(
      CASE WHEN jsonb_typeof(t.result->'items') = 'array' THEN t.result->'items' ELSE '[]'::jsonb END
    ) WITH ORDINALITY AS e(item, ord)
    LEFT JOIN "DataCategory" c ON c.key = e.item->>'categoryKey'
    WHERE t.id = ANY(${scope.connectorTaskIds}) AND jsonb_typeof(e.item) = 'object' AND ${inScope}`;
}

/** The ORDER BY of candidateItems: categories in their order, records by id, then connector
 * items as each system returned them; items under a key the data map lacks come last. */
export const CANDIDATE_ORDER = Prisma.sql`ORDER BY so, ck, origin, k1, k2`;

/**
 * Every candidate item of the scope as one row set (unordered): the sort keys (so, ck, origin,
 * k1, k2) and the item's columns, text throughout (collectedAt as an ISO instant).
 */
export function candidateItems(scope: ItemScope): Prisma.Sql {
  const records = Prisma.sql`
    SELECT c."sortOrder" AS so, c.key AS ck, 0 AS origin, i.id AS k1, 0::bigint AS k2,
      i.id AS ref, c.key AS "categoryKey", i."systemId", i.field, i.value, i.source::text AS source,
      i."sourceNote", to_char(i."collectedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "collectedAt"
    FROM "PersonalDataItem" i JOIN "DataCategory" c ON c.id = i."categoryId"
    WHERE ${recordWhere(scope)}`;
  if (scope.connectorTaskIds.length === 0) return records;
  return Prisma.sql`${records}
    UNION ALL
    SELECT coalesce(c."sortOrder", 2147483647) AS so, coalesce(c.key, '') AS ck, 1 AS origin,
      t.id AS k1, e.ord AS k2,
      -- The engine's contract: "<systemKey>:<field>" when a system gives no ref of its own.
      coalesce(nullif(e.item->>'ref', ''),
        (SELECT s.key FROM "DataSystem" s WHERE s.id = t."systemId") || ':' || coalesce(e.item->>'field', '')) AS ref,
      coalesce(e.item->>'categoryKey', '') AS "categoryKey", t."systemId",
      coalesce(e.item->>'field', '') AS field, coalesce(e.item->>'value', '') AS value,
      coalesce(e.item->>'source', '') AS source, coalesce(e.item->>'sourceNote', '') AS "sourceNote",
      e.item->>'collectedAt' AS "collectedAt"
    FROM ${connectorFromWhere(scope)}`;
}
