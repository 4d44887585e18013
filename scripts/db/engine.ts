import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQueryable,
} from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { defaultMigrationsDir, listMigrations } from "./migrations";

// Prisma's schema engine, compiled to WASM and driven through a driver adapter, because the native
// engine cannot be downloaded here. It computes the SQL between two schema states (migrations
// folder, live database, Prisma schema); applying migrations is done by ./migrations.ts over `pg`.

export const defaultSchemaPath = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");

const noFilters: bg.SchemaFilter = { externalTables: [], externalEnums: [] };

let wasmReady: Promise<void> | undefined;

// On a Rust panic the glue hands the message to this registry and then aborts with a bare
// "RuntimeError: unreachable"; without a registry it crashes on an unrelated TypeError instead.
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
  set_message: (message: string) => console.error(`Prisma schema engine panicked: ${message}`),
};

// The package's entry imports the .wasm as an ES module, which Node cannot do; instantiating it
// ourselves against the JS glue is equivalent. Once per process: every engine shares the module.
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const glue = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(glue), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  })();
  return wasmReady;
}

let freshDataDir: Promise<Blob> | undefined;

// initdb dominates PGlite's start (~2 s); a snapshot of a freshly initialised cluster loads in
// ~0.3 s, so every in-memory database after the first is cheap.
async function newMemoryPGlite(): Promise<PGlite> {
  freshDataDir ??= PGlite.create().then(async (db) => {
    const dump = await db.dumpDataDir("none");
    await db.close();
    return dump;
  });
  return PGlite.create({ loadDataDir: await freshDataDir });
}

async function memoryAdapter(): Promise<{ adapter: SqlDriverAdapter; db: PGlite }> {
  const db = await newMemoryPGlite();
  const adapter = await new PrismaPGlite(db).connect();
  // pglite-prisma-adapter never closes the shadow databases it creates; closing them on dispose
  // keeps long test runs from accumulating WASM heaps and lets the process exit.
  adapter.dispose = () => db.close();
  return { adapter, db };
}

// @prisma/adapter-pg cannot read PostgreSQL's internal "char" type (OID 18), which the engine's
// catalog queries return ("Column type 'char' could not be deserialized"), and reading it as text
// is not enough: the engine insists on a Character column (it panics on PostgreSQL 18's NOT NULL
// rows in pg_constraint, or any CHECK constraint). So the connection reports such columns as text
// under a marked name, and the adapter wrapper below turns them back into Character columns.
const CHAR_MARK = "\u0000char:";

class CatalogFriendlyClient extends pg.Client {
  _handleRowDescription(msg: { fields: { name: string; dataTypeID: number }[] }): void {
    for (const field of msg.fields) {
      if (field.dataTypeID !== 18) continue;
      field.dataTypeID = 25;
      field.name = CHAR_MARK + field.name;
    }
    (
      pg.Client.prototype as unknown as { _handleRowDescription: (m: unknown) => void }
    )._handleRowDescription.call(this, msg);
  }
}

function restoreCharColumns<T extends SqlQueryable>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    result.columnNames.forEach((name, i) => {
      if (!name.startsWith(CHAR_MARK)) return;
      result.columnNames[i] = name.slice(CHAR_MARK.length);
      result.columnTypes[i] = ColumnTypeEnum.Character;
    });
    return result;
  };
  return queryable;
}

async function pgAdapter(pool: pg.Pool): Promise<SqlDriverAdapter> {
  const adapter = restoreCharColumns(await new PrismaPg(pool).connect());
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) =>
    restoreCharColumns(await startTransaction(isolationLevel));
  return adapter;
}

interface OpenEngine {
  engine: bg.SchemaEngine;
  schemaFiles: bg.SchemaContainer[];
  close: () => Promise<void>;
}

/**
 * An engine whose main database is `url` (over `pg`) or, without one, a throwaway in-memory PGlite.
 * Shadow databases are always in-memory PGlite: that sidesteps adapter-pg's broken
 * connectToShadowDb (it drops the database while its pool still holds it) and needs no CREATE
 * DATABASE rights on the server. Only the migrations folder is replayed there, so PGlite's newer
 * PostgreSQL (18) makes no difference to the generated SQL.
 */
async function openEngine(options: { url?: string; schemaPath?: string }): Promise<OpenEngine> {
  const schemaPath = path.resolve(options.schemaPath ?? defaultSchemaPath);
  const [schemaText] = await Promise.all([readFile(schemaPath, "utf8"), loadWasm()]);
  const pool = options.url
    ? new pg.Pool({ connectionString: options.url, Client: CatalogFriendlyClient, max: 2 })
    : undefined;
  let mainDb: PGlite | undefined;
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: "postgres",
    adapterName: "dsar-schema-engine",
    connect: async () => {
      if (pool) return pgAdapter(pool);
      const { adapter, db } = await memoryAdapter();
      mainDb = db;
      return adapter;
    },
    connectToShadowDb: async () => (await memoryAdapter()).adapter,
  };
  const log = (line: string) => {
    if (process.env.SCHEMA_ENGINE_DEBUG) console.error(line);
  };
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[schemaPath, schemaText]] },
    log,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  return {
    engine,
    schemaFiles: [{ path: schemaPath, content: schemaText }],
    close: async () => {
      engine.free();
      await pool?.end();
      await mainDb?.close();
    },
  };
}

/** The engine's input for a migrations folder, read the way Prisma's CLI reads it. */
export async function loadMigrationList(
  migrationsDir = defaultMigrationsDir,
): Promise<bg.MigrationList> {
  const migrations = await listMigrations(migrationsDir);
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const lock = await readFile(lockPath, "utf8").catch(() => null);
  return {
    baseDir: path.resolve(migrationsDir),
    // The engine takes the provider from the lock file; before the first migration there is none.
    lockfile: { path: "migration_lock.toml", content: lock ?? 'provider = "postgresql"\n' },
    shadowDbInitScript: "",
    migrationDirectories: migrations.map((m) => ({
      path: m.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: m.sql } },
    })),
  };
}

async function diffTo(engine: OpenEngine, from: bg.DiffTarget): Promise<string> {
  const result = await engine.engine.diff({
    from,
    to: { tag: "schemaDatamodel", files: engine.schemaFiles },
    script: true,
    // With exitCode the engine says whether anything differs (2), rather than us parsing the
    // "-- This is an empty migration." placeholder it prints otherwise.
    exitCode: true,
    filters: noFilters,
  });
  return result.exitCode === 0 ? "" : (result.stdout ?? "");
}

/** SQL that takes a database built from the migrations folder to the Prisma schema ("" if none). */
export async function diffMigrationsToSchema(
  options: { migrationsDir?: string; schemaPath?: string } = {},
): Promise<string> {
  const engine = await openEngine({ schemaPath: options.schemaPath });
  try {
    return await diffTo(engine, {
      tag: "migrations",
      ...(await loadMigrationList(options.migrationsDir)),
    });
  } finally {
    await engine.close();
  }
}

/**
 * SQL that takes the live database at `url` (PostgreSQL, or PGlite served on a socket) to the
 * Prisma schema ("" when it matches): the drift check. The engine introspects the database itself
 * and ignores `_prisma_migrations`.
 */
export async function diffDatabaseToSchema(
  url: string,
  options: { schemaPath?: string } = {},
): Promise<string> {
  const engine = await openEngine({ url, schemaPath: options.schemaPath });
  try {
    return await diffTo(engine, {
      tag: "schemaDatasource",
      files: engine.schemaFiles,
      configDir: process.cwd(),
    });
  } finally {
    await engine.close();
  }
}

/**
 * Prisma's own reading of the `_prisma_migrations` table against the migrations folder (what
 * `prisma migrate status` reports): proof that our bookkeeping is what Prisma expects.
 */
export async function diagnoseMigrationHistory(
  url: string,
  options: { migrationsDir?: string } = {},
): Promise<bg.DiagnoseMigrationHistoryOutput> {
  const engine = await openEngine({ url });
  try {
    return await engine.engine.diagnoseMigrationHistory({
      migrationsList: await loadMigrationList(options.migrationsDir),
      optInToShadowDatabase: false,
      filters: noFilters,
    });
  } finally {
    await engine.close();
  }
}
