import type { SqlSession } from "./driver";
import { fieldOf, type TSqlDataset } from "./dataset";

// The dataset against the live database, before a task touches anything: every table and column
// it names must exist, a column set to NULL must allow it, and a column must be wide enough for
// its hash or mask. A problem is "table.column: what", never a value.

interface LiveColumn {
  nullable: boolean;
  /** Characters a text column holds; null for other types or no limit. */
  maxLength: number | null;
}

const HASH_LENGTH = 64;

async function liveColumns(session: SqlSession, tables: string[]) {
  const schema = session.engine === "postgresql" ? "current_schema()" : "DATABASE()";
  const rows = await session.query(
    `SELECT table_name AS t, column_name AS c, is_nullable AS n, character_maximum_length AS l
       FROM information_schema.columns
      WHERE table_schema = ${schema} AND table_name IN (${tables.map(() => "?").join(", ")})`,
    tables,
  );
  const out = new Map<string, Map<string, LiveColumn>>();
  for (const row of rows) {
    const table = out.get(row.t!) ?? new Map<string, LiveColumn>();
    table.set(row.c!, {
      nullable: row.n === "YES",
      maxLength: row.l === null || row.l === undefined ? null : Number(row.l),
    });
    out.set(row.t!, table);
  }
  return out;
}

/** What does not fit; empty when the dataset matches the database. */
export async function schemaProblems(session: SqlSession, dataset: TSqlDataset): Promise<string[]> {
  const live = await liveColumns(
    session,
    dataset.tables.map((t) => t.name),
  );
  const problems: string[] = [];
  const need = (table: string, column: string, why: string) => {
    const found = live.get(table)?.get(column);
    if (live.has(table) && !found) problems.push(`${table}.${column}: no such column (${why})`);
    return found;
  };
  for (const table of dataset.tables) {
    if (!live.has(table.name)) {
      problems.push(`${table.name}: no such table`);
      continue;
    }
    need(table.name, table.primaryKey, "primaryKey");
    for (const identity of table.identity ?? []) need(table.name, identity.column, "identity");
    if (table.join) {
      need(table.name, table.join.column, "join");
      need(table.join.parent, table.join.parentColumn, `join of ${table.name}`);
    }
    for (const column of table.columns) {
      const found = need(table.name, column.name, fieldOf(column));
      if (!found || !column.erase) continue;
      const at = `${table.name}.${column.name}`;
      if (column.erase.strategy === "set_null" && !found.nullable)
        problems.push(`${at}: set_null on a NOT NULL column`);
      if (
        column.erase.strategy === "hash" &&
        found.maxLength !== null &&
        found.maxLength < HASH_LENGTH
      )
        problems.push(
          `${at}: hash needs ${HASH_LENGTH} characters, the column holds ${found.maxLength}`,
        );
      if (column.erase.strategy === "mask" && found.maxLength !== null) {
        const length = column.erase.value.replace("{row}", "").length;
        if (length > found.maxLength)
          problems.push(`${at}: the mask is longer than the column (${found.maxLength})`);
      }
    }
  }
  if (dataset.stopUse) need(dataset.stopUse.table, dataset.stopUse.column, "stopUse");
  return problems;
}
