import { randomBytes } from "node:crypto";

import pg from "pg";

import { applyMigrations } from "../db/migrations";

// Integration tests get a PostgreSQL database of their own, built by the real migrations, so test
// files can run in parallel and a failed run leaves nothing that breaks the next one.

/** A connection to the server's maintenance database, with rights to create databases. */
export const adminDatabaseUrl = () =>
  process.env.TEST_ADMIN_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  name: string;
  /** Drops the database, closing any connection a test left open. */
  drop: () => Promise<void>;
}

export async function createTestDatabase(
  options: { prefix?: string; migrate?: boolean; migrationsDir?: string } = {},
): Promise<TestDatabase> {
  const prefix = (options.prefix ?? "test").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${name}`;
  await admin(`CREATE DATABASE "${name}"`);
  const drop = () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  try {
    if (options.migrate ?? true)
      await applyMigrations({ url: url.toString(), migrationsDir: options.migrationsDir });
  } catch (error) {
    await drop();
    throw error;
  }
  return { url: url.toString(), name, drop };
}
