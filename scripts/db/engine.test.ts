import { appendFile, cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";

import { startEmbeddedDatabase } from "../lib/embedded-db";
import { createTestDatabase } from "../lib/test-database";
import { diagnoseMigrationHistory, diffDatabaseToSchema, diffMigrationsToSchema } from "./engine";
import { applyMigrations, defaultMigrationsDir, migrationStatus } from "./migrations";

// Drift: a database built by the migrations must be exactly what prisma/schema.prisma describes,
// as judged by Prisma's own schema engine introspecting it.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("schema drift", () => {
  it("the migrations folder produces the Prisma schema (run `npm run db:migration -- <name>` if not)", async () => {
    expect(await diffMigrationsToSchema()).toBe("");
  });

  it("an empty migrations folder needs the whole schema", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "no-migrations-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    expect(await diffMigrationsToSchema({ migrationsDir: dir })).toMatch(/CREATE TABLE "Request"/);
  });

  it("a migrated PostgreSQL database equals the Prisma schema", async () => {
    const db = await createTestDatabase({ prefix: "test_mig" });
    cleanups.push(db.drop);
    expect(await diffDatabaseToSchema(db.url)).toBe("");

    // …and the check does see a difference.
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(`ALTER TABLE "DevMail" ADD COLUMN "stray" integer`);
    // Check constraints make the engine read pg_constraint's "char" column (see engine.ts).
    await client.query(
      `ALTER TABLE "DevMail" ADD CONSTRAINT "short_subject" CHECK (length(subject) < 1000)`,
    );
    await client.end();
    expect(await diffDatabaseToSchema(db.url)).toMatch(/ALTER TABLE "DevMail" DROP COLUMN "stray"/);
  });

  it("a migrated PGlite database equals the Prisma schema", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "pglite-"));
    const db = await startEmbeddedDatabase({ dataDir });
    cleanups.push(async () => {
      await db.stop();
      await rm(dataDir, { recursive: true, force: true });
    });
    await applyMigrations({ url: db.url });
    expect(await diffDatabaseToSchema(db.url)).toBe("");
  });
});

describe("Prisma's engine reads our _prisma_migrations as its own", () => {
  it("sees the history in sync after our run, and the same edits we see", async () => {
    const db = await createTestDatabase({ prefix: "test_mig" });
    cleanups.push(db.drop);
    expect(await diagnoseMigrationHistory(db.url)).toEqual({
      editedMigrationNames: [],
      failedMigrationNames: [],
      hasMigrationsTable: true,
      history: null,
    });

    const dir = await mkdtemp(path.join(os.tmpdir(), "migrations-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await cp(defaultMigrationsDir, dir, { recursive: true });
    const { applied } = await migrationStatus({ url: db.url, migrationsDir: dir });
    await appendFile(path.join(dir, applied[0]!, "migration.sql"), "-- edited\n");
    const ours = await migrationStatus({ url: db.url, migrationsDir: dir });
    const prisma = await diagnoseMigrationHistory(db.url, { migrationsDir: dir });
    expect(ours.edited).toEqual([applied[0]]);
    expect(prisma.editedMigrationNames).toEqual(ours.edited);
  });
});
