import { STOPPABLE_RECIPIENT_CLASSES } from "@/lib/requests/vocabulary";
import type { Tx } from "@/lib/db";
import type { FulfilmentAction, RecipientClass, RequestType } from "@/lib/generated/prisma/enums";
import { CORRECTION_ACTIONS } from "@/lib/validation/requests";

import { ZSqlDataset, fieldOf, type TSqlDataset } from "./connectors/sql/dataset";
import type { TCorrection } from "./wire";

// Which of the organisation's systems a verified request concerns, by type (the data map and the
// person's records decide), and what each system is told. Shared by the fan-out and the HTTP
// connector, so a system receives exactly the part of the request it was given a task for.

export interface PlannedTask {
  systemId: string;
  action: FulfilmentAction;
}

interface RequestLike {
  type: RequestType;
  subjectId: string;
  details: unknown;
}

const record = (v: unknown): Record<string, unknown> =>
  typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {};
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : [];

/** The category keys a disclosure or erasure is limited to; null = everything. */
function categoryScope(type: RequestType, details: Record<string, unknown>): string[] | null {
  if (type === "DISCLOSURE" && details.scope === "SELECTED") return strings(details.categoryKeys);
  if (type === "SUSPENSION_ERASURE" && details.erasureScope === "SELECTED")
    return strings(details.categoryKeys);
  return null;
}

async function systemsWithItems(tx: Tx, subjectId: string, categoryKeys: string[] | null) {
  const rows = await tx.personalDataItem.findMany({
    where: {
      subjectId,
      erasedAt: null,
      ...(categoryKeys ? { category: { key: { in: categoryKeys } } } : {}),
    },
    distinct: ["systemId"],
    select: { systemId: true },
  });
  return rows.map((r) => r.systemId);
}

async function systemsWithExternalIds(tx: Tx, subjectId: string) {
  const rows = await tx.subjectExternalId.findMany({
    where: { subjectId },
    distinct: ["systemId"],
    select: { systemId: true },
  });
  return rows.map((r) => r.systemId);
}

/** Of these systems, those the data map says use any of the categories (or purposes). */
async function usingAny(
  tx: Tx,
  systemIds: string[],
  by: { categoryKeys?: string[]; purposeKeys?: string[] },
) {
  if (systemIds.length === 0) return [];
  const rows = await tx.systemCategoryPurpose.findMany({
    where: {
      systemId: { in: systemIds },
      ...(by.categoryKeys ? { category: { key: { in: by.categoryKeys } } } : {}),
      ...(by.purposeKeys ? { purpose: { key: { in: by.purposeKeys } } } : {}),
    },
    distinct: ["systemId"],
    select: { systemId: true },
  });
  return rows.map((r) => r.systemId);
}

/**
 * The organisation's databases (SQL connector) that could find the person, with their datasets.
 * Whether a database holds the person is only known by asking it, so each one that could
 * is given the task (one that does not know them answers with nothing); one whose identity
 * columns need what the portal does not know of them (an id in that system, a phone number) is
 * not asked.
 */
async function findableDatabases(tx: Tx, subjectId: string) {
  const systems = await tx.dataSystem.findMany({
    where: { connector: "SQL" },
    select: { id: true, config: true },
  });
  if (systems.length === 0) return [];
  const [subject, ids] = await Promise.all([
    tx.subject.findUnique({ where: { id: subjectId }, select: { email: true, phone: true } }),
    tx.subjectExternalId.findMany({ where: { subjectId }, select: { systemId: true } }),
  ]);
  const known = (systemId: string, match: string) =>
    match === "email"
      ? !!subject?.email
      : match === "phone"
        ? !!subject?.phone
        : ids.some((e) => e.systemId === systemId);
  return systems.flatMap((s) => {
    const parsed = ZSqlDataset.safeParse(s.config);
    // A system without a dataset yet is not asked (saving one checks it: lib/data/data-map).
    if (!parsed.success) return [];
    const findable = parsed.data.tables.some((t) =>
      (t.identity ?? []).some((i) => known(s.id, i.match)),
    );
    return findable ? [{ id: s.id, dataset: parsed.data }] : [];
  });
}

type Database = Awaited<ReturnType<typeof findableDatabases>>[number];

/** Of those databases, the ones whose dataset passes `keep`. */
const whose = (databases: Database[], keep: (dataset: TSqlDataset) => boolean) =>
  databases.filter((d) => keep(d.dataset)).map((d) => d.id);

const holdsAny = (categoryKeys: string[] | null) => (dataset: TSqlDataset) =>
  !categoryKeys ||
  dataset.tables.some((t) => t.columns.some((c) => categoryKeys.includes(c.category)));

/** Systems that hold the person: items not erased, or an id of theirs in the system. */
async function systemsKnowingSubject(tx: Tx, subjectId: string) {
  return [
    ...new Set([
      ...(await systemsWithItems(tx, subjectId, null)),
      ...(await systemsWithExternalIds(tx, subjectId)),
    ]),
  ];
}

/** The systems holding what a disclosure or erasure covers. */
async function systemsInScope(tx: Tx, subjectId: string, scope: string[] | null) {
  const withItems = await systemsWithItems(tx, subjectId, scope);
  const withIds = await systemsWithExternalIds(tx, subjectId);
  // An id alone says the system knows the person; with a category scope it counts only where
  // the data map says the system keeps one of those categories.
  const idSystems = scope ? await usingAny(tx, withIds, { categoryKeys: scope }) : withIds;
  return [
    ...new Set([
      ...withItems,
      ...idSystems,
      ...whose(await findableDatabases(tx, subjectId), holdsAny(scope)),
    ]),
  ];
}

/**
 * Restrictions belong to the person, and the portal records them through an INTERNAL task; when
 * none of the systems found is INTERNAL, one is added (one holding the person, else the first).
 */
async function withPortalRecord(tx: Tx, subjectId: string, systemIds: string[]) {
  const internal = await tx.dataSystem.findMany({
    where: { connector: "INTERNAL" },
    orderBy: { key: "asc" },
    select: { id: true },
  });
  if (internal.some((s) => systemIds.includes(s.id))) return systemIds;
  const knowing = new Set(await systemsKnowingSubject(tx, subjectId));
  const pick = internal.find((s) => knowing.has(s.id)) ?? internal[0];
  return pick ? [...systemIds, pick.id] : systemIds;
}

/**
 * The corrections of a request by system: an item the person picked belongs to its system; a
 * value without an item goes to the systems holding that category for the person, else to the
 * systems the data map says keep it and that know the person, else to the INTERNAL ones.
 */
export async function correctionsBySystem(
  tx: Tx,
  request: Pick<RequestLike, "subjectId" | "details">,
): Promise<Map<string, TCorrection[]>> {
  const out = new Map<string, TCorrection[]>();
  const add = (systemId: string, c: TCorrection) =>
    out.set(systemId, [...(out.get(systemId) ?? []), c]);
  const items = Array.isArray(record(request.details).items)
    ? (record(request.details).items as unknown[]).map(record)
    : [];
  // Read once for every correction of the request.
  const findable = items.length > 0 ? await findableDatabases(tx, request.subjectId) : [];
  for (const item of items) {
    const action = CORRECTION_ACTIONS.find((a) => a === item.action);
    if (!action) continue;
    const categoryKey = typeof item.categoryKey === "string" ? item.categoryKey : "";
    const correctedValue = typeof item.correctedValue === "string" ? item.correctedValue : "";
    const itemId = typeof item.itemId === "string" ? item.itemId : "";
    if (itemId) {
      const found = await tx.personalDataItem.findFirst({
        where: { id: itemId, subjectId: request.subjectId, erasedAt: null },
        select: { systemId: true, field: true, category: { select: { key: true } } },
      });
      if (found)
        add(found.systemId, {
          action,
          categoryKey: found.category.key,
          field: found.field,
          correctedValue,
        });
      continue;
    }
    const correction = {
      action,
      categoryKey,
      field: typeof item.field === "string" ? item.field : "",
      correctedValue,
    };
    // A database whose dataset has the field takes it (its own rows decide whether it applies).
    const databases = whose(findable, (d) =>
      d.tables.some((t) => t.columns.some((c) => fieldOf(c) === correction.field)),
    );
    for (const systemId of databases) add(systemId, correction);
    let systems = await systemsWithItems(tx, request.subjectId, [categoryKey]);
    if (systems.length === 0 && databases.length === 0)
      systems = await usingAny(tx, await systemsKnowingSubject(tx, request.subjectId), {
        categoryKeys: [categoryKey],
      });
    if (systems.length === 0 && databases.length === 0) {
      const internal = await tx.dataSystem.findMany({
        where: { connector: "INTERNAL" },
        select: { id: true },
      });
      systems = await usingAny(
        tx,
        internal.map((s) => s.id),
        { categoryKeys: [categoryKey] },
      );
    }
    for (const systemId of systems) if (!databases.includes(systemId)) add(systemId, correction);
  }
  return out;
}

/** One task per affected system and action; types answered from the ledger and map get none. */
export async function planTasks(tx: Tx, request: RequestLike): Promise<PlannedTask[]> {
  const details = record(request.details);
  const each = (action: FulfilmentAction) => (systemIds: string[]) =>
    systemIds.map((systemId) => ({ systemId, action }));
  switch (request.type) {
    case "DISCLOSURE":
      return each("EXPORT")(
        await systemsInScope(tx, request.subjectId, categoryScope(request.type, details)),
      );
    case "CORRECTION":
      return each("CORRECT")([...(await correctionsBySystem(tx, request)).keys()]);
    case "SUSPENSION_ERASURE": {
      if (details.action === "ERASE")
        return each("ERASE")(
          await systemsInScope(tx, request.subjectId, categoryScope(request.type, details)),
        );
      const knowing = [
        ...(await systemsKnowingSubject(tx, request.subjectId)),
        ...whose(await findableDatabases(tx, request.subjectId), (d) => !!d.stopUse),
      ];
      const using = await usingAny(tx, knowing, { purposeKeys: strings(details.purposeKeys) });
      return each("RESTRICT")(await withPortalRecord(tx, request.subjectId, using));
    }
    case "STOP_PROVISION": {
      const keys = strings(details.recipientKeys);
      const classes = strings(details.recipientClasses).filter((c): c is RecipientClass =>
        (STOPPABLE_RECIPIENT_CLASSES as readonly string[]).includes(c),
      );
      const rows = await tx.provisionRecord.findMany({
        where: {
          subjectId: request.subjectId,
          sourceSystemId: { not: null },
          recipient: {
            OR: [{ key: { in: keys } }, { recipientClass: { in: classes } }],
          },
        },
        distinct: ["sourceSystemId"],
        select: { sourceSystemId: true },
      });
      const sources = rows.flatMap((r) => (r.sourceSystemId ? [r.sourceSystemId] : []));
      return each("STOP_PROVISION")(await withPortalRecord(tx, request.subjectId, sources));
    }
    case "PROVISION_RECORDS":
    case "PURPOSE_NOTIFICATION":
      return [];
  }
}

/** What a system is told about the request for one action: only what that action needs. */
export async function detailsForSystem(
  tx: Tx,
  request: RequestLike,
  action: FulfilmentAction,
  systemId: string,
) {
  const details = record(request.details);
  switch (action) {
    case "EXPORT":
    case "ERASE": {
      const scope = categoryScope(request.type, details);
      return { scope: scope ? ("SELECTED" as const) : ("ALL" as const), categoryKeys: scope ?? [] };
    }
    case "CORRECT":
      return { corrections: (await correctionsBySystem(tx, request)).get(systemId) ?? [] };
    case "RESTRICT":
      return { purposeKeys: strings(details.purposeKeys) };
    case "STOP_PROVISION":
      return {
        recipientKeys: strings(details.recipientKeys),
        recipientClasses: strings(details.recipientClasses),
      };
  }
}
