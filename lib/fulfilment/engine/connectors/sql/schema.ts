import type { SqlSession } from "./driver";
import type { TSqlDataset } from "./dataset";

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

/** One way the dataset does not fit the database: where, and what (shown translated to staff). */
export interface SchemaProblem {
  /** "table" or "table.column". */
  at: string;
  kind: "noTable" | "noColumn" | "notNullable" | "hashTooShort" | "maskTooLong" | "ambiguous";
  /** The column's size, for the two size problems. */
  size?: number;
}

/** A problem as the stored failure's detail (no values, only names). */
export function problemText(problem: SchemaProblem): string {
  return problem.size === undefined
    ? `${problem.at} ${problem.kind}`
    : `${problem.at} ${problem.kind} ${problem.size}`;
}

/** What does not fit; empty when the dataset matches the database. */
export async function schemaProblems(
  session: SqlSession,
  dataset: TSqlDataset,
): Promise<SchemaProblem[]> {
  const live = await liveColumns(
    session,
    dataset.tables.map((t) => t.name),
  );
  const problems: SchemaProblem[] = [];
  const need = (table: string, column: string) => {
    const found = live.get(table)?.get(column);
    if (live.has(table) && !found) problems.push({ at: `${table}.${column}`, kind: "noColumn" });
    return found;
  };
  for (const table of dataset.tables) {
    if (!live.has(table.name)) {
      problems.push({ at: table.name, kind: "noTable" });
      continue;
    }
    need(table.name, table.primaryKey);
    for (const identity of table.identity ?? []) need(table.name, identity.column);
    if (table.join) {
      need(table.name, table.join.column);
      need(table.join.parent, table.join.parentColumn);
    }
    for (const column of table.columns) {
      const found = need(table.name, column.name);
      if (!found || !column.erase) continue;
      const at = `${table.name}.${column.name}`;
      const size = found.maxLength;
      if (column.erase.strategy === "set_null" && !found.nullable)
        problems.push({ at, kind: "notNullable" });
      if (column.erase.strategy === "hash" && size !== null && size < HASH_LENGTH)
        problems.push({ at, kind: "hashTooShort", size });
      if (
        column.erase.strategy === "mask" &&
        size !== null &&
        column.erase.value.replace("{row}", "").length > size
      )
        problems.push({ at, kind: "maskTooLong", size });
    }
  }
  if (dataset.stopUse) need(dataset.stopUse.table, dataset.stopUse.column);
  return [...new Map(problems.map((p) => [problemText(p), p])).values()];
}
