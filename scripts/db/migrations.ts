import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import pg from "pg";

// Applies prisma/migrations/<name>/migration.sql over `pg`, keeping `_prisma_migrations` exactly as
// `prisma migrate deploy` keeps it, so either tool can take over from the other.

export const defaultMigrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** The migration folders, in the order Prisma's CLI applies them. */
export async function listMigrations(migrationsDir = defaultMigrationsDir): Promise<Migration[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    },
  );
  // Prisma sorts with localeCompare; names start with a UTC timestamp, so this is chronological.
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      const bytes = await readFile(file).catch(() => {
        throw new Error(`Migration ${name} has no migration.sql (${file})`);
      });
      return { name, sql: bytes.toString("utf8"), checksum: checksumOf(bytes) };
    }),
  );
}

/** Hex sha256 of the script, as Prisma stores it in `_prisma_migrations.checksum`. */
export function checksumOf(script: string | Uint8Array): string {
  return createHash("sha256").update(script).digest("hex");
}

/**
 * Prisma's own comparison: a checkout with other line endings is not an edit, and rows written by
 * old engines hold hex digits without zero padding.
 */
export function checksumMatches(script: string, checksum: string): boolean {
  const variants = [script, script.replace(/\r\n/g, "\n"), script.replace(/\r?\n/g, "\r\n")];
  return variants.some((variant) => {
    const digest = createHash("sha256").update(variant).digest();
    if (checksum.length === 64) return digest.toString("hex") === checksum;
    return Array.from(digest, (byte) => byte.toString(16)).join("") === checksum;
  });
}

// The engine's own DDL for PostgreSQL.
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

// Prisma Migrate's advisory lock key: our runs and `prisma migrate deploy` exclude each other.
const LOCK_KEY = 72707369;

export class DatabaseConnectionError extends Error {}

export class MigrationFailedError extends Error {
  constructor(
    readonly migrationName: string,
    readonly reason: string,
  ) {
    super(`Migration ${migrationName} failed: ${reason}`);
  }
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  // A server that goes away between queries must fail the next query, not crash the process.
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    // "localhost" fails once per address family, as an AggregateError with an empty message.
    const causes = error instanceof AggregateError ? error.errors : [error];
    const reason = [
      ...new Set(causes.map((e) => (e instanceof Error ? e.message : String(e)))),
    ].join("; ");
    throw new DatabaseConnectionError(`cannot connect to ${redactUrl(url)}: ${reason}`);
  }
  return client;
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

async function readRows(client: pg.Client): Promise<MigrationRow[] | undefined> {
  const exists = await client.query<{ t: string | null }>(
    `SELECT to_regclass('"_prisma_migrations"')::text AS t`,
  );
  if (!exists.rows[0]?.t) return undefined;
  const result = await client.query<MigrationRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
  );
  return result.rows;
}

const isFailed = (row: MigrationRow) => row.finished_at === null && row.rolled_back_at === null;
const isApplied = (row: MigrationRow) => row.finished_at !== null && row.rolled_back_at === null;

// Scripts that manage their own transactions (Prisma writes BEGIN/COMMIT for some enum changes) or
// that PostgreSQL refuses inside one run bare, as Prisma runs every script. A function's body
// (dollar-quoted: a PL/pgSQL block's BEGIN … END) is not the script's own transaction.
export const needsOwnTransaction = (sql: string) => {
  const outsideBodies = sql.replace(/\$([A-Za-z_]*)\$[\s\S]*?\$\1\$/g, "");
  return (
    /^\s*(BEGIN|COMMIT|ROLLBACK|START\s+TRANSACTION)\b/im.test(outsideBodies) ||
    /\bCONCURRENTLY\b/i.test(outsideBodies)
  );
};

function describeFailure(error: unknown, sql: string): string {
  if (!(error instanceof Error)) return String(error);
  const { position, detail, hint } = error as Error & {
    position?: string;
    detail?: string;
    hint?: string;
  };
  const line = position ? ` (line ${sql.slice(0, Number(position)).split("\n").length})` : "";
  return [`${error.message}${line}`, detail, hint].filter(Boolean).join("\n");
}

async function withMigrationLock<T>(
  client: pg.Client,
  timeoutMs: number,
  fn: () => Promise<T>,
): Promise<T> {
  // A session lock, taken inside a transaction only so that SET LOCAL bounds the wait.
  await client.query("BEGIN");
  try {
    await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(timeoutMs))}`);
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    if ((error as { code?: string }).code !== "55P03") throw error;
    throw new Error(
      `Another process kept the migration lock for ${timeoutMs} ms; is one still running?`,
    );
  }
  try {
    return await fn();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => {});
  }
}

async function applyOne(client: pg.Client, migration: Migration): Promise<boolean> {
  const { name, sql, checksum } = migration;
  const ownTransaction = needsOwnTransaction(sql);
  const startedAt = new Date();
  const id = randomUUID();
  try {
    if (!ownTransaction) await client.query("BEGIN");
    // Checked again under the transaction: over PGlite's socket every client shares one session,
    // so the advisory lock cannot keep two processes apart there, but transactions are serialised.
    const done = await client.query(
      `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      [name],
    );
    if (done.rowCount) {
      if (!ownTransaction) await client.query("COMMIT");
      return false;
    }
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, $4, 0)`,
      [id, checksum, name, startedAt],
    );
    await client.query(sql);
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    if (!ownTransaction) await client.query("COMMIT");
    return true;
  } catch (error) {
    const reason = describeFailure(error, sql);
    // The row must outlive the rollback: a failed row blocks later runs until someone looks.
    if (!ownTransaction) await client.query("ROLLBACK").catch(() => {});
    await client
      .query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, logs, applied_steps_count)
         VALUES ($1, $2, $3, $4, $5, 0)
         ON CONFLICT (id) DO UPDATE SET logs = EXCLUDED.logs`,
        [id, checksum, name, startedAt, reason],
      )
      .catch(() => {}); // e.g. the connection is gone; the migration's own error matters more
    throw new MigrationFailedError(name, reason);
  }
}

/**
 * Applies the pending migrations, each in its own transaction, under Prisma Migrate's advisory
 * lock. Returns the names applied; throws MigrationFailedError naming the failed one.
 */
export async function applyMigrations(options: {
  url: string;
  migrationsDir?: string;
  lockTimeoutMs?: number;
}): Promise<string[]> {
  const migrations = await listMigrations(options.migrationsDir);
  const client = await connect(options.url);
  try {
    return await withMigrationLock(client, options.lockTimeoutMs ?? 300_000, async () => {
      await client.query(CREATE_TABLE);
      const rows = (await readRows(client)) ?? [];
      const failed = rows.filter(isFailed).map((r) => r.migration_name);
      if (failed.length > 0) {
        throw new Error(
          `Failed migration(s) recorded in _prisma_migrations: ${failed.join(", ")}. ` +
            `Nothing new is applied until each is resolved: fix it, then mark the failed row rolled back ` +
            `(UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '<name>' AND finished_at IS NULL).`,
        );
      }
      const applied = new Set(rows.filter(isApplied).map((r) => r.migration_name));
      const names: string[] = [];
      for (const migration of migrations) {
        if (applied.has(migration.name)) continue;
        if (await applyOne(client, migration)) names.push(migration.name);
      }
      return names;
    });
  } finally {
    await client.end().catch(() => {});
  }
}

export interface MigrationStatus {
  /** Local migrations recorded as applied (edited ones included). */
  applied: string[];
  /** Local migrations not applied yet (failed ones excluded). */
  pending: string[];
  /** Applied migrations whose local migration.sql no longer matches the recorded checksum. */
  edited: string[];
  /** Migrations whose last attempt failed and was not marked rolled back. */
  failed: string[];
  /** Migrations applied to the database but absent from the migrations folder. */
  missing: string[];
}

export async function migrationStatus(options: {
  url: string;
  migrationsDir?: string;
}): Promise<MigrationStatus> {
  const migrations = await listMigrations(options.migrationsDir);
  const client = await connect(options.url);
  let rows: MigrationRow[];
  try {
    rows = (await readRows(client)) ?? [];
  } finally {
    await client.end().catch(() => {});
  }
  const appliedRows = new Map(rows.filter(isApplied).map((r) => [r.migration_name, r]));
  const failed = [...new Set(rows.filter(isFailed).map((r) => r.migration_name))];
  const local = new Set(migrations.map((m) => m.name));
  return {
    applied: migrations.filter((m) => appliedRows.has(m.name)).map((m) => m.name),
    pending: migrations
      .filter((m) => !appliedRows.has(m.name) && !failed.includes(m.name))
      .map((m) => m.name),
    edited: migrations
      .filter((m) => {
        const row = appliedRows.get(m.name);
        return row !== undefined && !checksumMatches(m.sql, row.checksum);
      })
      .map((m) => m.name),
    failed,
    missing: [...appliedRows.keys()].filter((name) => !local.has(name)),
  };
}

/** True when the database is exactly at the migrations folder's state. */
export const isUpToDate = (s: MigrationStatus) =>
  s.pending.length + s.edited.length + s.failed.length + s.missing.length === 0;

/**
 * What a CLI prints instead of a stack trace. `source` names what the user should check
 * when the database cannot be reached ("DATABASE_URL", or the embedded database's folder).
 */
export function describeCliError(error: unknown, source: string): string {
  if (error instanceof DatabaseConnectionError) return `${source}: ${error.message}`;
  const message = error instanceof Error ? error.message : String(error);
  // The schema engine appends a Rust span trace ("   0: schema_engine_wasm::…") to its messages.
  return (message.split(/\n\s+0: /)[0] ?? message).trimEnd();
}
