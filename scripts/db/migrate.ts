import { getEnv } from "../../lib/env";
import { openDatabase } from "../lib/embedded-db";
import { applyMigrations, describeCliError } from "./migrations";

// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database.

async function main(): Promise<void> {
  const env = getEnv();
  const source = env.DATABASE_URL ? "DATABASE_URL" : `embedded database (DATA_DIR=${env.DATA_DIR})`;
  try {
    const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
    try {
      const applied = await applyMigrations({ url: db.url });
      if (applied.length === 0) console.log("No pending migrations.");
      for (const name of applied) console.log(`Applied ${name}`);
    } finally {
      await db.stop();
    }
  } catch (error) {
    console.error(describeCliError(error, source));
    process.exitCode = 1;
  }
}

await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
