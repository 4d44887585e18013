import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";

import { startEmbeddedDatabase } from "../lib/embedded-db";
import { createTestDatabase } from "../lib/test-database";
import { diffDatabaseToSchema, diffMigrationsToSchema } from "./engine";
import { applyMigrations } from "./migrations";

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
