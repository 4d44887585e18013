import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

// Loading millions of rows into one table the way PostgreSQL's manual advises ("Populating a
// Database"): the table's keys, foreign keys and indexes are taken off, the rows arrive through
// one COPY … FROM STDIN, and the indexes and constraints are put back, each built in one sorted
// pass instead of one B-tree insertion and one foreign-key lookup per row. The definitions come
// from the catalogue (pg_get_indexdef, pg_get_constraintdef), so they are the migrations' own.
// Statement-level triggers (the tallies) still fire once for the COPY, over all its rows.

/** Quotes an SQL identifier. */
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

type Definition = { name: string; definition: string };

async function definitions(db: pg.Client, table: string) {
  const relation = ident(table);
  const constraints = await db.query<Definition & { type: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition, contype AS type
     FROM pg_constraint WHERE conrelid = $1::regclass AND contype IN ('p', 'u', 'f')`,
    [relation],
  );
  const indexes = await db.query<Definition>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
     WHERE i.indrelid = $1::regclass
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
    [relation],
  );
  return {
    keys: constraints.rows.filter((c) => c.type !== "f"),
    foreign: constraints.rows.filter((c) => c.type === "f"),
    indexes: indexes.rows,
  };
}

/**
 * Streams `chunks` (CSV text, whole lines) into `table` by COPY, with the table's keys, indexes
 * and foreign keys dropped for the load and rebuilt after it. Meant for a benchmark database
 * nothing else is using: a failure half-way leaves the table without its indexes.
 */
export async function bulkLoad(
  db: pg.Client,
  table: string,
  columns: readonly string[],
  chunks: AsyncIterable<string> | Iterable<string>,
): Promise<{ loadMs: number; rebuildMs: number }> {
  const relation = ident(table);
  const { keys, foreign, indexes } = await definitions(db, table);
  for (const c of [...foreign, ...keys]) {
    await db.query(`ALTER TABLE ${relation} DROP CONSTRAINT ${ident(c.name)}`);
  }
  for (const i of indexes) await db.query(`DROP INDEX ${ident(i.name)}`);

  const started = performance.now();
  const copy = db.query(
    copyFrom(`COPY ${relation} (${columns.map(ident).join(", ")}) FROM STDIN WITH (FORMAT csv)`),
  );
  await pipeline(Readable.from(chunks), copy);
  const loaded = performance.now();

  await db.query(`SET maintenance_work_mem = '512MB'`);
  for (const c of keys) {
    await db.query(`ALTER TABLE ${relation} ADD CONSTRAINT ${ident(c.name)} ${c.definition}`);
  }
  for (const i of indexes) await db.query(i.definition);
  for (const c of foreign) {
    await db.query(`ALTER TABLE ${relation} ADD CONSTRAINT ${ident(c.name)} ${c.definition}`);
  }
  await db.query(`RESET maintenance_work_mem`);
  return { loadMs: loaded - started, rebuildMs: performance.now() - loaded };
}
