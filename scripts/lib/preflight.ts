import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import pg from "pg";

import { EnvError, getEnv, type TEnv } from "../../lib/env";

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
