import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import pg from "pg";

import { EnvError, getEnv, type TEnv } from "../../lib/env";
import { StoredFileNotFoundError } from "../../lib/storage/blob-backend";
import { s3ConfigOf } from "../../lib/storage/current-backend";
import { createS3Backend } from "../../lib/storage/s3-backend";

/** Parses the environment or exits with the message naming the variable that is wrong. */
export function envOrExit(): TEnv {
  try {
    return getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/** Fails fast, naming DATABASE_URL, when the configured PostgreSQL cannot be reached. */
export async function assertDatabaseReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const { hostname, port, pathname } = new URL(url);
    const reason = error instanceof Error ? error.message : String(error);
    console.error(
      `Cannot use the database in DATABASE_URL (${hostname}:${port || 5432}${pathname}): ${reason}`,
    );
    process.exit(1);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Fails fast, naming the S3 variables, when files are to go to a bucket that refuses us: reading a
 * key that cannot exist must answer "no such key" (not a credentials error or "no such bucket").
 */
export async function assertStorageReachable(env: TEnv): Promise<void> {
  const config = s3ConfigOf(env);
  if (!config) return;
  try {
    await createS3Backend(config).get(randomBytes(16).toString("hex"));
  } catch (error) {
    if (error instanceof StoredFileNotFoundError) return;
    const reason = error instanceof Error ? error.message : String(error);
    console.error(
      `Cannot use the bucket in S3_ENDPOINT/S3_BUCKET (${new URL(config.endpoint).host}, ${config.bucket}): ${reason}`,
    );
    process.exit(1);
  }
}

function keptSecret(env: TEnv, name: string, make: () => string): string {
  mkdirSync(env.DATA_DIR, { recursive: true });
  const file = path.join(env.DATA_DIR, name);
  if (!existsSync(file)) writeFileSync(file, make(), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/** AUTH_SECRET, or one generated once and kept in DATA_DIR for the embedded demo. */
export function authSecret(env: TEnv): string {
  return env.AUTH_SECRET ?? keptSecret(env, "auth-secret", () => randomBytes(32).toString("hex"));
}

/** MASTER_KEY, or one generated once and kept in DATA_DIR for the embedded demo. */
export function masterKey(env: TEnv): string {
  return env.MASTER_KEY ?? keptSecret(env, "master-key", () => randomBytes(32).toString("base64"));
}
