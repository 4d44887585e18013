import { createHmac, hkdfSync } from "node:crypto";

import type { FulfilmentAction } from "@/lib/generated/prisma/enums";

import { TaskFailure } from "../../failure";
import type { AppliedChange, ExportedItem, KeptItem, TaskResult } from "../../types";
import type { TCorrection } from "../../wire";
import { refsFor } from "../../wire";
import { type Row, type SqlSession } from "./driver";
import {
  fieldOf,
  tablesInOrder,
  type TSqlColumn,
  type TSqlDataset,
  type TSqlTable,
} from "./dataset";
import { problemText, schemaProblems, type SchemaProblem } from "./schema";

// The SQL connector's work (issue 18), the same on PostgreSQL and MySQL/MariaDB: find the person's
// rows by the dataset's identity columns and joins, then read them (a disclosure), change the
// fields staff approved (a correction), erase them column by column as the dataset says (delete
// the row, set NULL, mask, hash, or keep with its legal reason), or set the stop-use flag. Each
// task is one transaction on that database: the rows are found and locked, the schema is checked
// first, and any failure rolls everything back and leaves the task failed and retryable. A dry run
// (`planSqlTask`) answers what a task would touch, in a read-only transaction.

/** What the portal knows of the person, to find them in the database. */
export interface SqlPerson {
  email: string | null;
  phone: string | null;
  /** Their ids in this system (SubjectExternalId). */
  externalIds: string[];
}

export interface SqlTaskInput {
  systemId: string;
  systemKey: string;
  dataset: TSqlDataset;
  person: SqlPerson;
  action: FulfilmentAction;
  /** What the request asks of this system (targets.ts detailsForSystem). */
  details: {
    scope?: "ALL" | "SELECTED";
    categoryKeys?: string[];
    corrections?: TCorrection[];
  };
  /** The key hashes are made under (derived from the master key and the system). */
  masterKey: Buffer;
}

/** Most rows one task reads from one table (a disclosure is capped like an HTTP answer). */
const MAX_ROWS = 100_000;
/** Values per IN list. */
const CHUNK = 500;

type Found = Map<string, Row[]>;

const inList = (n: number) => Array.from({ length: n }, () => "?").join(", ");

function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The columns of a table a task reads: its key, the columns it joins by, its data. */
function columnsRead(dataset: TSqlDataset, table: TSqlTable): string[] {
  const names = new Set<string>([table.primaryKey]);
  if (table.join) names.add(table.join.column);
  for (const child of dataset.tables)
    if (child.join?.parent === table.name) names.add(child.join.parentColumn);
  if (dataset.stopUse?.table === table.name) names.add(dataset.stopUse.column);
  for (const column of table.columns) names.add(column.name);
  return [...names];
}

/** The WHERE of an identity table for this person; null when nothing they have can match. */
function identityCondition(session: SqlSession, table: TSqlTable, person: SqlPerson) {
  const parts: string[] = [];
  const params: string[] = [];
  for (const { column, match } of table.identity ?? []) {
    const col = session.id(column);
    if (match === "email" && person.email) {
      parts.push(`LOWER(${col}) = LOWER(?)`);
      params.push(person.email.trim());
    } else if (match === "phone" && person.phone) {
      parts.push(`${col} = ?`);
      params.push(person.phone.trim());
    } else if (match === "externalId" && person.externalIds.length > 0) {
      parts.push(`${col} IN (${inList(person.externalIds.length)})`);
      params.push(...person.externalIds);
    }
  }
  return parts.length > 0 ? { sql: parts.map((p) => `(${p})`).join(" OR "), params } : null;
}

/**
 * The person's rows in every table, parents first. `lock` takes the rows for update, so nothing
 * changes them between reading and writing.
 */
async function findRows(
  session: SqlSession,
  dataset: TSqlDataset,
  person: SqlPerson,
  lock: boolean,
): Promise<Found> {
  const found: Found = new Map();
  const forUpdate = lock ? " FOR UPDATE" : "";
  for (const table of tablesInOrder(dataset)) {
    const select = `SELECT ${columnsRead(dataset, table)
      .map((c) => session.id(c))
      .join(", ")} FROM ${session.id(table.name)}`;
    let rows: Row[] = [];
    if (table.identity) {
      const where = identityCondition(session, table, person);
      if (where)
        rows = await session.query(`${select} WHERE ${where.sql}${forUpdate}`, where.params);
      if (rows.length > 1 && !table.manyRowsPerPerson)
        throw new TaskFailure("identity_ambiguous", false, table.name);
    } else if (table.join) {
      const parentRows = found.get(table.join.parent) ?? [];
      const keys = [
        ...new Set(
          parentRows.flatMap((r) => {
            const v = r[table.join!.parentColumn];
            return v === null || v === undefined ? [] : [v];
          }),
        ),
      ];
      for (const part of chunks(keys)) {
        rows.push(
          ...(await session.query(
            `${select} WHERE ${session.id(table.join.column)} IN (${inList(part.length)})${forUpdate}`,
            part,
          )),
        );
        if (rows.length > MAX_ROWS) throw new TaskFailure("too_large", false, table.name);
      }
    }
    if (rows.length > MAX_ROWS) throw new TaskFailure("too_large", false, table.name);
    found.set(table.name, rows);
  }
  return found;
}

/** Whether a column is within the request's category scope. */
function inScope(column: TSqlColumn, details: SqlTaskInput["details"]) {
  return details.scope !== "SELECTED" || (details.categoryKeys ?? []).includes(column.category);
}

async function checkSchema(session: SqlSession, dataset: TSqlDataset) {
  const problems = await schemaProblems(session, dataset);
  if (problems[0]) throw new TaskFailure("dataset_mismatch", false, problemText(problems[0]));
}

// ── Access ─────────────────────────────────────────────────────────────────────────────────────

function exportItems(input: SqlTaskInput, found: Found): TaskResult {
  const items: Omit<ExportedItem, "ref">[] = [];
  for (const table of tablesInOrder(input.dataset))
    for (const row of found.get(table.name) ?? [])
      for (const column of table.columns) {
        const value = row[column.name];
        if (!column.disclose || value === null || value === undefined) continue;
        if (!inScope(column, input.details)) continue;
        items.push({ field: fieldOf(column), categoryKey: column.category, value });
      }
  const refs = refsFor(
    input.systemKey,
    items.map((i) => i.field),
  );
  const withRefs = items.map((item, n) => ({ ref: refs[n]!, ...item }));
  return { items: withRefs, itemCount: withRefs.length };
}

// ── Correction ─────────────────────────────────────────────────────────────────────────────────

function columnOfField(dataset: TSqlDataset, field: string) {
  for (const table of dataset.tables)
    for (const column of table.columns) if (fieldOf(column) === field) return { table, column };
  return null;
}

async function correct(
  session: SqlSession,
  input: SqlTaskInput,
  found: Found,
): Promise<TaskResult> {
  const changes: AppliedChange[] = [];
  for (const correction of input.details.corrections ?? []) {
    const target = columnOfField(input.dataset, correction.field);
    if (!target) throw new TaskFailure("correction_field", false, correction.field);
    const rows = found.get(target.table.name) ?? [];
    if (rows.length !== 1)
      throw new TaskFailure("correction_rows", false, `${correction.field}=${rows.length}`);
    const row = rows[0]!;
    const before = row[target.column.name] ?? null;
    const after = correction.action === "DELETE" ? null : correction.correctedValue;
    const change = {
      field: correction.field,
      action: correction.action,
      before,
      after,
      categoryKey: target.column.category,
    };
    if (before === after) {
      changes.push({ ref: "", ...change, alreadyApplied: true });
      continue;
    }
    await session.execute(
      `UPDATE ${session.id(target.table.name)} SET ${session.id(target.column.name)} = ? WHERE ${session.id(target.table.primaryKey)} = ?`,
      [after, row[target.table.primaryKey]],
    );
    row[target.column.name] = after;
    changes.push({ ref: "", ...change });
  }
  const refs = refsFor(
    input.systemKey,
    changes.map((c) => c.field),
  );
  return { changes: changes.map((c, n) => ({ ...c, ref: refs[n]! })) };
}

// ── Erasure ────────────────────────────────────────────────────────────────────────────────────

/** What an erasure does to a table's rows: delete them, or change these columns. */
function erasurePlan(table: TSqlTable, details: SqlTaskInput["details"]) {
  const columns = table.columns.filter((c) => c.erase && inScope(c, details));
  const deletes = columns.some((c) => c.erase!.strategy === "delete_row");
  return { deletes, columns };
}

export const hashKey = (masterKey: Buffer, systemId: string) =>
  Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), `sql-hash:${systemId}`, 32));

async function erase(session: SqlSession, input: SqlTaskInput, found: Found): Promise<TaskResult> {
  let erased = 0;
  const kept: Omit<KeptItem, "ref">[] = [];
  const key = hashKey(input.masterKey, input.systemId);
  // Children before parents: a row goes before the rows it points to.
  for (const table of tablesInOrder(input.dataset).reverse()) {
    const rows = found.get(table.name) ?? [];
    if (rows.length === 0) continue;
    const { deletes, columns } = erasurePlan(table, input.details);
    const pk = session.id(table.primaryKey);
    const keys = rows.map((r) => r[table.primaryKey]);
    const present = (column: TSqlColumn) =>
      rows.filter((r) => r[column.name] !== null && r[column.name] !== undefined).length;
    if (deletes) {
      for (const part of chunks(keys))
        await session.execute(
          `DELETE FROM ${session.id(table.name)} WHERE ${pk} IN (${inList(part.length)})`,
          part,
        );
      erased += table.columns.reduce((n, c) => n + present(c), 0);
      continue;
    }
    for (const column of columns) {
      const rule = column.erase!;
      const col = session.id(column.name);
      const tableId = session.id(table.name);
      const withValue = rows.filter((r) => r[column.name] !== null && r[column.name] !== undefined);
      if (withValue.length === 0) continue;
      if (rule.strategy === "keep") {
        for (let i = 0; i < withValue.length; i++)
          kept.push({
            field: fieldOf(column),
            categoryKey: column.category,
            reason: rule.reason,
            reasonCode: "LEGAL_HOLD",
          });
        continue;
      }
      if (
        rule.strategy === "set_null" ||
        (rule.strategy === "mask" && !rule.value.includes("{row}"))
      ) {
        const value = rule.strategy === "mask" ? rule.value : null;
        for (const part of chunks(withValue.map((r) => r[table.primaryKey])))
          await session.execute(
            `UPDATE ${tableId} SET ${col} = ? WHERE ${pk} IN (${inList(part.length)})`,
            [value, ...part],
          );
      } else {
        for (const row of withValue) {
          const value =
            rule.strategy === "hash"
              ? createHmac("sha256", key).update(row[column.name]!).digest("hex")
              : rule.strategy === "mask"
                ? rule.value.replaceAll("{row}", row[table.primaryKey] ?? "")
                : null;
          await session.execute(`UPDATE ${tableId} SET ${col} = ? WHERE ${pk} = ?`, [
            value,
            row[table.primaryKey],
          ]);
        }
      }
      erased += withValue.length;
    }
  }
  const refs = refsFor(
    input.systemKey,
    kept.map((k) => k.field),
  );
  return { erased, kept: kept.map((k, n) => ({ ...k, ref: refs[n]! })) };
}

// ── Stop use ───────────────────────────────────────────────────────────────────────────────────

async function stopUse(
  session: SqlSession,
  input: SqlTaskInput,
  found: Found,
): Promise<TaskResult> {
  const flag = input.dataset.stopUse;
  if (!flag) throw new TaskFailure("not_supported", false);
  const table = input.dataset.tables.find((t) => t.name === flag.table)!;
  const rows = (found.get(table.name) ?? []).filter((r) => r[flag.column] !== flag.value);
  for (const part of chunks(rows.map((r) => r[table.primaryKey])))
    await session.execute(
      `UPDATE ${session.id(table.name)} SET ${session.id(flag.column)} = ? WHERE ${session.id(table.primaryKey)} IN (${inList(part.length)})`,
      [flag.value, ...part],
    );
  return { restrictions: rows.length };
}

// ── Running a task ─────────────────────────────────────────────────────────────────────────────

const WRITES = new Set<FulfilmentAction>(["CORRECT", "ERASE", "RESTRICT", "STOP_PROVISION"]);

/**
 * Runs one task on an open session, in one transaction: committed when the whole task succeeded,
 * rolled back on any failure (which is thrown as a TaskFailure).
 */
export async function runSqlTask(session: SqlSession, input: SqlTaskInput): Promise<TaskResult> {
  const writes = WRITES.has(input.action);
  if (writes && input.dataset.accessOnly) throw new TaskFailure("access_only", false);
  if ((input.action === "RESTRICT" || input.action === "STOP_PROVISION") && !input.dataset.stopUse)
    throw new TaskFailure("not_supported", false);
  await session.begin(writes ? "write" : "read");
  try {
    await checkSchema(session, input.dataset);
    const found = await findRows(session, input.dataset, input.person, writes);
    let result: TaskResult;
    switch (input.action) {
      case "EXPORT":
        result = exportItems(input, found);
        break;
      case "CORRECT":
        result = await correct(session, input, found);
        break;
      case "ERASE":
        result = await erase(session, input, found);
        break;
      case "RESTRICT":
      case "STOP_PROVISION":
        result = await stopUse(session, input, found);
        break;
    }
    await session.commit();
    return result;
  } catch (error) {
    await session.rollback();
    throw error;
  }
}

// ── Dry run ────────────────────────────────────────────────────────────────────────────────────

export type PlannedOperation =
  "read" | "update" | "delete_row" | "set_null" | "mask" | "hash" | "keep" | "set_flag";

export interface TablePlan {
  table: string;
  /** The primary keys of the rows the task would touch (the first 50). */
  rowKeys: string[];
  rows: number;
  columns: { column: string; field: string; category: string; operation: PlannedOperation }[];
}

export interface SqlPlan {
  /** Where the dataset does not fit the database; the task would stop before changing anything. */
  problems: SchemaProblem[];
  tables: TablePlan[];
}

/** What a task would touch, table by table, read in a read-only transaction; nothing changes. */
export async function planSqlTask(session: SqlSession, input: SqlTaskInput): Promise<SqlPlan> {
  await session.begin("read");
  try {
    const problems = await schemaProblems(session, input.dataset);
    if (problems.length > 0) return { problems, tables: [] };
    const found = await findRows(session, input.dataset, input.person, false);
    const tables: TablePlan[] = [];
    for (const table of tablesInOrder(input.dataset)) {
      const rows = found.get(table.name) ?? [];
      const columns = operations(input, table, rows);
      if (columns.length === 0) continue;
      tables.push({
        table: table.name,
        rows: rows.length,
        rowKeys: rows.slice(0, 50).map((r) => r[table.primaryKey] ?? ""),
        columns,
      });
    }
    return { problems: [], tables };
  } catch (error) {
    if (error instanceof TaskFailure && error.code === "identity_ambiguous")
      return { problems: [{ at: error.detail ?? "", kind: "ambiguous" }], tables: [] };
    throw error;
  } finally {
    await session.rollback();
  }
}

function operations(input: SqlTaskInput, table: TSqlTable, rows: Row[]): TablePlan["columns"] {
  const describe = (column: TSqlColumn, operation: PlannedOperation) => ({
    column: column.name,
    field: fieldOf(column),
    category: column.category,
    operation,
  });
  if (rows.length === 0) return [];
  switch (input.action) {
    case "EXPORT":
      return table.columns
        .filter((c) => c.disclose && inScope(c, input.details))
        .map((c) => describe(c, "read"));
    case "CORRECT": {
      const fields = new Set((input.details.corrections ?? []).map((c) => c.field));
      return table.columns.filter((c) => fields.has(fieldOf(c))).map((c) => describe(c, "update"));
    }
    case "ERASE": {
      const { deletes, columns } = erasurePlan(table, input.details);
      if (deletes) return table.columns.map((c) => describe(c, "delete_row"));
      return columns.map((c) => describe(c, c.erase!.strategy as PlannedOperation));
    }
    case "RESTRICT":
    case "STOP_PROVISION": {
      const flag = input.dataset.stopUse;
      if (!flag || flag.table !== table.name) return [];
      return [{ column: flag.column, field: flag.column, category: "", operation: "set_flag" }];
    }
  }
}
