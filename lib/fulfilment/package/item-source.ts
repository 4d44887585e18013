import { loadFieldLabels, type FieldLabels } from "@/lib/data/data-map/field-labels";
import type { Db, Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Jurisdiction } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/config";

import { CANDIDATE_ORDER, candidateItems } from "./scope-sql";
import type { PackageItem } from "./types";

// The candidate items of a disclosure, read in batches through a cursor (never all at once):
// - the portal's own records (PersonalDataItem): not erased, linked to the person, within the
//   request's scope (all categories, or the ones chosen), from every system that has not
//   answered through a connector;
// - the items a connected system returned to a SUCCEEDED EXPORT task (an HTTP system's answer, a
//   database's rows, a file its desk sent through an EMAIL task: FulfilmentTask.result.items,
//   lib/fulfilment/engine/types.ts). A system that answered is the authority on its own data, so
//   its mirrored records are left out rather than disclosed twice.
// A MANUAL system's items are the portal's records of it: the staff member who completed its
// EXPORT task confirmed them against the system along the task's checklist.
// Each system is also in a state: complete, still pending (its export task is open: nothing may
// be built yet) or missing (its export failed or was cancelled: the package says so, and what the
// portal holds of it is disclosed as the portal's own records).
// Order (scope-sql.ts): categories by their sortOrder; within one, records by id, then connector
// items in the order the system returned them; items under a key the data map lacks come last.

export type ItemReader = Pick<Db, "fulfilmentTask" | "dataCategory" | "dataSystem" | "dataField">;

export type SystemState = "complete" | "pending" | "missing";

/** Why a system's data could not be gathered: its export task failed (with its failure code) or
 * staff cancelled it (with their note, which only staff read). */
export type SystemGap = { kind: "failed"; code: string } | { kind: "cancelled"; note: string };

export interface ScopeSystem {
  id: string;
  key: string;
  name: string;
  connector: string;
  /** Where this system's items come from for this request. */
  origin: "records" | "connector";
  state: SystemState;
  gap: SystemGap | null;
  /** The EXPORT task's id, status and end, when the request has one for this system. */
  task: { id: string; status: string; finishedAt: Date | null } | null;
  /** The task whose answer holds the items (origin "connector"). */
  taskId: string | null;
}

export interface ItemScope {
  subjectId: string;
  /** null: every category. */
  categoryKeys: string[] | null;
  categories: { id: string; key: string; name: string }[];
  systems: ScopeSystem[];
  recordSystemIds: string[];
  connectorTaskIds: string[];
  fieldLabels: FieldLabels;
  locale: Locale;
}

export interface ScopeRequest {
  id: string;
  subjectId: string;
  details: unknown;
  /** The laws the request answers to and the person's country (the supplement's authorities). */
  jurisdictions?: readonly Jurisdiction[];
  residenceCountry?: string | null;
}

/** The connectors whose EXPORT task's result holds the items they found. */
const ANSWERING = new Set<string>(["HTTP", "SQL", "EMAIL"]);

const name = (locale: Locale, row: { nameJa: string; nameEn: string }) =>
  locale === "ja" ? row.nameJa : row.nameEn || row.nameJa;

/** The request's scope: which categories, which systems' records, which connector answers. */
export async function resolveItemScope(
  db: ItemReader,
  request: ScopeRequest,
  locale: Locale,
): Promise<ItemScope> {
  const details = (request.details ?? {}) as { scope?: unknown; categoryKeys?: unknown };
  const categoryKeys =
    details.scope === "SELECTED" && Array.isArray(details.categoryKeys)
      ? details.categoryKeys.filter((k): k is string => typeof k === "string")
      : null;
  const [categories, systems, tasks, fieldLabels] = await Promise.all([
    db.dataCategory.findMany({
      orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
      select: { id: true, key: true, nameJa: true, nameEn: true },
    }),
    db.dataSystem.findMany({
      orderBy: { key: "asc" },
      select: { id: true, key: true, nameJa: true, nameEn: true, connector: true },
    }),
    db.fulfilmentTask.findMany({
      where: {
        requestId: request.id,
        action: "EXPORT",
        system: { connector: { not: "INTERNAL" } },
      },
      select: {
        id: true,
        systemId: true,
        status: true,
        lastError: true,
        note: true,
        finishedAt: true,
      },
    }),
    loadFieldLabels(db),
  ]);
  const scoped = systems.map((s): ScopeSystem => {
    const task = tasks.find((t) => t.systemId === s.id);
    // Every connector that answers with items (HTTP, SQL, EMAIL) is read from its answer; the
    // portal's own records and a manual system's are read from the records.
    const answered = task?.status === "SUCCEEDED" && ANSWERING.has(s.connector);
    const state: SystemState =
      !task || task.status === "SUCCEEDED"
        ? "complete"
        : task.status === "FAILED" || task.status === "CANCELLED"
          ? "missing"
          : "pending";
    return {
      id: s.id,
      key: s.key,
      name: name(locale, s),
      connector: s.connector,
      origin: answered ? "connector" : "records",
      state,
      gap:
        task?.status === "FAILED"
          ? { kind: "failed", code: task.lastError ?? "" }
          : task?.status === "CANCELLED"
            ? { kind: "cancelled", note: task.note ?? "" }
            : null,
      task: task ? { id: task.id, status: task.status, finishedAt: task.finishedAt } : null,
      taskId: answered && task ? task.id : null,
    };
  });
  return {
    subjectId: request.subjectId,
    categoryKeys,
    categories: categories
      .filter((c) => !categoryKeys || categoryKeys.includes(c.key))
      .map((c) => ({ id: c.id, key: c.key, name: name(locale, c) })),
    systems: scoped,
    recordSystemIds: scoped.filter((s) => s.origin !== "connector").map((s) => s.id),
    connectorTaskIds: scoped.flatMap((s) => (s.taskId ? [s.taskId] : [])),
    fieldLabels,
    locale,
  };
}

/**
 * The state of the sources a package was built from: each system's export task (status and end).
 * A prepared package whose key differs from the request's current one no longer matches what
 * the systems answered, and is not released (lib/data/requests/close-and-release.ts).
 */
export function sourcesKeyOf(scope: Pick<ItemScope, "systems">): string {
  return scope.systems
    .flatMap((s) =>
      s.task ? [`${s.task.id}:${s.task.status}:${s.task.finishedAt?.toISOString() ?? ""}`] : [],
    )
    .sort()
    .join("|");
}

interface CandidateRow {
  origin: number;
  ref: string;
  categoryKey: string;
  systemId: string;
  field: string;
  value: string;
  source: string;
  sourceNote: string;
  collectedAt: string | null;
}

/**
 * The candidate items in batches of at most `batchSize`, from one server-side cursor: the
 * database sorts the scope's items once and hands them over a batch at a time, so memory holds
 * one batch. (Keyset pages per category would re-read a category's rows for every batch, and a
 * connector's answer would be unpacked from its JSON again for every page.) Runs inside the
 * caller's transaction, which a cursor needs; at REPEATABLE READ the items and the supplement
 * come from one snapshot.
 */
export async function* iterateItems(
  tx: Pick<Tx, "$executeRaw" | "$queryRaw">,
  scope: ItemScope,
  batchSize = 1000,
): AsyncGenerator<PackageItem[]> {
  const categories = new Map(scope.categories.map((c) => [c.key, c.name]));
  const systems = new Map(scope.systems.map((s) => [s.id, s]));
  const size = Math.max(1, Math.floor(batchSize));
  await tx.$executeRaw`DECLARE package_items NO SCROLL CURSOR FOR
    SELECT origin, ref, "categoryKey", "systemId", field, value, source, "sourceNote", "collectedAt"
    FROM (${candidateItems(scope)}) u ${CANDIDATE_ORDER}`;
  try {
    for (;;) {
      const rows = await tx.$queryRaw<
        CandidateRow[]
      >`FETCH FORWARD ${Prisma.raw(String(size))} FROM package_items`;
      if (rows.length > 0) {
        yield rows.map((r): PackageItem => {
          const system = systems.get(r.systemId);
          const category = categories.get(r.categoryKey) ?? r.categoryKey;
          return {
            ref: r.ref || `${system?.key ?? "?"}:${r.field}`,
            origin: Number(r.origin) === 0 ? "record" : "connector",
            categoryKey: r.categoryKey,
            category,
            systemKey: system?.key ?? "",
            system: system?.name ?? "",
            field: r.field,
            fieldLabel: scope.fieldLabels.get(r.systemId, r.field, scope.locale, category),
            value: r.value,
            source: r.source,
            sourceNote: r.sourceNote,
            collectedAt: r.collectedAt,
          };
        });
      }
      if (rows.length < size) return;
    }
  } finally {
    await tx.$executeRaw`CLOSE package_items`;
  }
}
