import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { getDb } from "@/lib/db";
import type { TSystemFields } from "@/lib/validation/data-map-config";

import { assertCanConfigure, auditConfig, notFoundError } from "./shared";

export interface SystemField {
  key: string;
  labelJa: string;
  labelEn: string;
  /** Items the portal holds under this field, and whether a system's answer used it. */
  items: number;
  answered: boolean;
}

/**
 * The fields of one system, for the manager to name: those the data map names, and those the
 * portal has seen without a name, in the portal's records or in the system's answers to export
 * tasks (until named, people see the category's name instead).
 */
export async function listSystemFields(options: {
  actor: Actor;
  systemId: string;
}): Promise<SystemField[]> {
  assertCanConfigure(options.actor);
  const db = getDb();
  const { systemId } = options;
  const [named, held, answered] = await Promise.all([
    db.dataField.findMany({
      where: { systemId },
      select: { key: true, labelJa: true, labelEn: true },
    }),
    db.personalDataItem.groupBy({
      by: ["field"],
      where: { systemId, erasedAt: null },
      _count: { _all: true },
    }),
    db.$queryRaw<{ field: string }[]>`
      SELECT DISTINCT e.item->>'field' AS field
      FROM "FulfilmentTask" t
      CROSS JOIN LATERAL jsonb_array_elements(
        CASE WHEN jsonb_typeof(t.result->'items') = 'array' THEN t.result->'items' ELSE '[]'::jsonb END
      ) AS e(item)
      WHERE t."systemId" = ${systemId} AND t.action = 'EXPORT' AND t.status = 'SUCCEEDED'
        AND coalesce(e.item->>'field', '') <> ''`,
  ]);
  const rows = new Map<string, SystemField>();
  const row = (key: string) => {
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { key, labelJa: "", labelEn: "", items: 0, answered: false }));
    return r;
  };
  for (const n of named) Object.assign(row(n.key), { labelJa: n.labelJa, labelEn: n.labelEn });
  for (const h of held) row(h.field).items = h._count._all;
  for (const a of answered) row(a.field).answered = true;
  // Unnamed fields first: they are the ones to do.
  return [...rows.values()].sort(
    (a, b) => Number(!!a.labelJa) - Number(!!b.labelJa) || a.key.localeCompare(b.key),
  );
}

/** How many fields of each system still lack a name (for the settings overview). */
export async function countUnnamedFields(options: { actor: Actor }): Promise<number> {
  assertCanConfigure(options.actor);
  const rows = await getDb().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      SELECT DISTINCT i."systemId", i.field FROM "PersonalDataItem" i
      WHERE i."erasedAt" IS NULL AND NOT EXISTS (
        SELECT 1 FROM "DataField" f WHERE f."systemId" = i."systemId" AND f.key = i.field)
    ) u`;
  return rows[0]?.n ?? 0;
}

/**
 * Saves what one system's fields are called: the named rows are created or updated, the system's
 * other rows removed (their fields fall back to the category's name). One transaction, one audit
 * event with counts only.
 */
export async function saveSystemFields(options: { actor: Actor; input: TSystemFields }) {
  const { actor } = options;
  assertCanConfigure(actor);
  assertRecentPasskey(actor);
  const input = { ...options.input, fields: options.input.fields.filter((f) => f.labelJa) };
  return getDb().$transaction(async (tx) => {
    const system = await tx.dataSystem.findUnique({
      where: { id: input.systemId },
      select: { id: true, key: true },
    });
    if (!system) throw notFoundError();
    const keys = input.fields.map((f) => f.key);
    const removed = await tx.dataField.deleteMany({
      where: { systemId: system.id, key: { notIn: keys } },
    });
    for (const f of input.fields)
      await tx.dataField.upsert({
        where: { systemId_key: { systemId: system.id, key: f.key } },
        create: { systemId: system.id, key: f.key, labelJa: f.labelJa, labelEn: f.labelEn },
        update: { labelJa: f.labelJa, labelEn: f.labelEn },
      });
    await auditConfig(tx, actor, {
      action: "config.system.set-fields",
      entityType: "DataSystem",
      entityId: system.id,
      data: { key: system.key, fields: input.fields.length, removed: removed.count },
    });
    return { fields: input.fields.length };
  });
}
