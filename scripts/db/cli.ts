import { getEnv } from "../../lib/env";
import { openDatabase } from "../lib/embedded-db";
import { describeCliError } from "./migrations";

/**
 * Runs a database CLI against DATABASE_URL or the embedded database, closing it afterwards; a
 * failure prints one clear line naming the source and sets a non-zero exit code.
 */
export async function runDatabaseCli(
  run: (db: { url: string; embedded: boolean; source: string }) => Promise<void>,
): Promise<void> {
  let source = "DATABASE_URL";
  try {
    const env = getEnv();
    if (!env.DATABASE_URL) source = `embedded database (DATA_DIR=${env.DATA_DIR})`;
    const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
    try {
      await run({ url: db.url, embedded: db.embedded, source });
    } finally {
      await db.stop();
    }
  } catch (error) {
    console.error(describeCliError(error, source));
    process.exitCode = 1;
  }
}
