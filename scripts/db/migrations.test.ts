import { appendFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";

import { startEmbeddedDatabase } from "../lib/embedded-db";
import { createTestDatabase, type TestDatabase } from "../lib/test-database";
import {
  applyMigrations,
  checksumMatches,
  needsOwnTransaction,
  checksumOf,
  defaultMigrationsDir,
  isUpToDate,
  listMigrations,
  MigrationFailedError,
  migrationStatus,
} from "./migrations";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function emptyDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase({ prefix: "test_mig", migrate: false });
  cleanups.push(db.drop);
  return db;
}

/** A scratch copy of the migrations folder that a test may edit. */
async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "migrations-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await cp(defaultMigrationsDir, dir, { recursive: true });
  return dir;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migrations on PostgreSQL", () => {
  it("applies every migration once, then nothing", async () => {
    const db = await emptyDatabase();
    const local = (await listMigrations()).map((m) => m.name);
    expect(local.length).toBeGreaterThan(0);

    expect(await migrationStatus({ url: db.url })).toMatchObject({ applied: [], pending: local });
    expect(await applyMigrations({ url: db.url })).toEqual(local);
    expect(await applyMigrations({ url: db.url })).toEqual([]);
    const status = await migrationStatus({ url: db.url });
    expect(status).toEqual({ applied: local, pending: [], edited: [], failed: [], missing: [] });
    expect(isUpToDate(status)).toBe(true);
  });

  it("records each migration as prisma migrate deploy does", async () => {
    const db = await emptyDatabase();
    await applyMigrations({ url: db.url });
    const rows = await query<{
      id: string;
      checksum: string;
      migration_name: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      logs: string | null;
      applied_steps_count: number;
    }>(db.url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    const local = await listMigrations();
    expect(rows).toHaveLength(local.length);
    for (const [i, migration] of local.entries()) {
      const row = rows[i]!;
      const bytes = await readFile(
        path.join(defaultMigrationsDir, migration.name, "migration.sql"),
      );
      expect(row.migration_name).toBe(migration.name);
      expect(row.checksum).toBe(checksumOf(bytes));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.id).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row).toMatchObject({ rolled_back_at: null, logs: null, applied_steps_count: 1 });
    }
  });

  it("reports a migration edited after it was applied", async () => {
    const db = await emptyDatabase();
    const dir = await copyOfMigrations();
    const [first] = await applyMigrations({ url: db.url, migrationsDir: dir });
    await appendFile(path.join(dir, first!, "migration.sql"), "\n-- edited afterwards\n");

    const status = await migrationStatus({ url: db.url, migrationsDir: dir });
    expect(status.edited).toEqual([first]);
    expect(status.pending).toEqual([]);
    expect(isUpToDate(status)).toBe(false);
  });

  it("reports pending and locally missing migrations", async () => {
    const db = await emptyDatabase();
    const dir = await copyOfMigrations();
    const [first] = await applyMigrations({ url: db.url, migrationsDir: dir });
    await rm(path.join(dir, first!), { recursive: true });
    await mkdir(path.join(dir, "29991231000000_later"));
    await writeFile(path.join(dir, "29991231000000_later", "migration.sql"), "SELECT 1;\n");

    const status = await migrationStatus({ url: db.url, migrationsDir: dir });
    expect(status).toMatchObject({
      pending: ["29991231000000_later"],
      missing: [first],
      edited: [],
    });
  });

  it("rolls a failed migration back, records it as failed and stops there", async () => {
    const db = await emptyDatabase();
    const dir = await copyOfMigrations();
    await applyMigrations({ url: db.url, migrationsDir: dir });
    await mkdir(path.join(dir, "29991231000000_broken"));
    await writeFile(
      path.join(dir, "29991231000000_broken", "migration.sql"),
      `CREATE TABLE "half_done" (id int);\nSELECT no_such_column FROM "DevMail";\n`,
    );

    const error = await applyMigrations({ url: db.url, migrationsDir: dir }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MigrationFailedError);
    expect((error as MigrationFailedError).migrationName).toBe("29991231000000_broken");
    expect((error as Error).message).toMatch(/29991231000000_broken.*no_such_column.*line 2/);

    expect(await query(db.url, `SELECT to_regclass('"half_done"') AS t`)).toEqual([{ t: null }]);
    const status = await migrationStatus({ url: db.url, migrationsDir: dir });
    expect(status).toMatchObject({ failed: ["29991231000000_broken"], pending: [] });
    const [row] = await query<{ logs: string; finished_at: Date | null }>(
      db.url,
      `SELECT logs, finished_at FROM "_prisma_migrations" WHERE migration_name = '29991231000000_broken'`,
    );
    expect(row).toMatchObject({
      finished_at: null,
      logs: expect.stringContaining("no_such_column"),
    });
    await expect(applyMigrations({ url: db.url, migrationsDir: dir })).rejects.toThrow(
      /Failed migration/,
    );
  });

  it("lets only one of two simultaneous runs apply each migration", async () => {
    const db = await emptyDatabase();
    const runs = await Promise.all([
      applyMigrations({ url: db.url }),
      applyMigrations({ url: db.url }),
    ]);
    expect(runs.flat()).toEqual((await listMigrations()).map((m) => m.name));
    const [count] = await query<{ n: number }>(
      db.url,
      `SELECT count(*)::int AS n FROM "_prisma_migrations"`,
    );
    expect(count!.n).toBe((await listMigrations()).length);
  });

  it("waits for prisma migrate deploy's advisory lock, and gives up after the timeout", async () => {
    const db = await emptyDatabase();
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    await holder.query("SELECT pg_advisory_lock(72707369)");
    try {
      await expect(applyMigrations({ url: db.url, lockTimeoutMs: 300 })).rejects.toThrow(
        /migration lock/,
      );
    } finally {
      await holder.end();
    }
    expect((await applyMigrations({ url: db.url })).length).toBeGreaterThan(0);
  });

  it("names DATABASE problems clearly", async () => {
    await expect(
      migrationStatus({ url: "postgresql://postgres@127.0.0.1:1/none" }),
    ).rejects.toThrow(/cannot connect to postgresql:\/\/postgres@127\.0\.0\.1:1\/none/);
  });
});

describe("migrations on PGlite served on a socket", () => {
  it("applies each migration once, even from two runs at once, with the same bookkeeping", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "pglite-"));
    const db = await startEmbeddedDatabase({ dataDir });
    cleanups.push(async () => {
      await db.stop();
      await rm(dataDir, { recursive: true, force: true });
    });
    const local = await listMigrations();
    // Every client of the socket shares one PGlite session, so here it is the serialised
    // transactions, not the advisory lock, that keep two runs from applying the same migration.
    const runs = await Promise.all([
      applyMigrations({ url: db.url }),
      applyMigrations({ url: db.url }),
    ]);
    expect(runs.flat()).toEqual(local.map((m) => m.name));
    expect(await applyMigrations({ url: db.url })).toEqual([]);
    expect(isUpToDate(await migrationStatus({ url: db.url }))).toBe(true);
    const rows = await query<{ checksum: string }>(
      db.url,
      `SELECT checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.checksum)).toEqual(local.map((m) => m.checksum));
  });
});

describe("needsOwnTransaction", () => {
  it("runs a script bare only when it manages its own transaction, not for a function's BEGIN", () => {
    expect(needsOwnTransaction(`BEGIN;\nALTER TYPE "A" ADD VALUE 'B';\nCOMMIT;`)).toBe(true);
    expect(needsOwnTransaction(`CREATE INDEX CONCURRENTLY i ON t (c);`)).toBe(true);
    const fn = `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  RETURN NULL;\nEND\n$$;`;
    expect(needsOwnTransaction(`CREATE TABLE t (id int);\n${fn}`)).toBe(false);
    expect(needsOwnTransaction(fn.replaceAll("$$", "$body$"))).toBe(false);
    expect(needsOwnTransaction(`${fn}\nCOMMIT;`)).toBe(true);
  });
});

describe("checksumMatches", () => {
  const script = "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n";
  it("accepts the same script with other line endings, as Prisma does", () => {
    expect(checksumMatches(script, checksumOf(script))).toBe(true);
    expect(checksumMatches(script.replace(/\n/g, "\r\n"), checksumOf(script))).toBe(true);
    expect(checksumMatches(script, checksumOf(script.replace(/\n/g, "\r\n")))).toBe(true);
    expect(checksumMatches(`${script} `, checksumOf(script))).toBe(false);
  });
  it("accepts the unpadded hex written by old Prisma engines", () => {
    const unpadded = (sql: string) =>
      Array.from(Buffer.from(checksumOf(sql), "hex"), (b) => b.toString(16)).join("");
    const sql = Array.from({ length: 100 }, (_, i) => `SELECT ${i};\n`).find(
      (s) => unpadded(s).length < 64,
    )!;
    expect(checksumMatches(sql, unpadded(sql))).toBe(true);
    expect(checksumMatches(`${sql} `, unpadded(sql))).toBe(false);
  });
});
