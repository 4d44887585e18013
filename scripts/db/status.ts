import { getEnv } from "../../lib/env";
import { openDatabase } from "../lib/embedded-db";
import {
  describeCliError,
  isUpToDate,
  listMigrations,
  migrationStatus,
  redactUrl,
} from "./migrations";

// `npm run db:status`: where the database stands against prisma/migrations. Exits 1 when anything
// needs attention, so deploy scripts and CI can gate on it.

async function main(): Promise<void> {
  const env = getEnv();
  const source = env.DATABASE_URL ? "DATABASE_URL" : `embedded database (DATA_DIR=${env.DATA_DIR})`;
  try {
    const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
    try {
      const local = await listMigrations();
      const status = await migrationStatus({ url: db.url });
      console.log(`Database: ${db.embedded ? source : redactUrl(db.url)}`);
      console.log(
        `${local.length} migration(s) in prisma/migrations, ${status.applied.length} applied.`,
      );
      const sections: [string, string[]][] = [
        ["Pending (run `npm run db:migrate`)", status.pending],
        [
          "Edited after being applied (restore the file, or add a new migration instead)",
          status.edited,
        ],
        ["Failed (fix, then mark the row rolled back in _prisma_migrations)", status.failed],
        ["Applied to the database but missing from prisma/migrations", status.missing],
      ];
      for (const [title, names] of sections) {
        if (names.length === 0) continue;
        console.log(`\n${title}:`);
        for (const name of names) console.log(`  - ${name}`);
      }
      if (isUpToDate(status)) console.log("\nDatabase is up to date.");
      else process.exitCode = 1;
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
