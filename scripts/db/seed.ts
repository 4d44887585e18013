import { createPrismaClient } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { parseMasterKey } from "@/lib/storage/envelope";
import { seedDemo } from "@/prisma/seed";
import { seedDemoDatabases } from "@/prisma/seed/demo-databases";

import { openDatabase } from "../lib/embedded-db";

// `npm run db:seed`: fills an empty database with the demo organisation. Logs counts only, never
// personal data. Run `npm run db:migrate` first. On PostgreSQL, with MASTER_KEY set, the demo also
// gets its own membership (MariaDB, DEMO_MYSQL_URL or root on 127.0.0.1:3306) and orders
// (PostgreSQL, beside DATABASE_URL) databases where those servers answer
// (prisma/seed/demo-databases.ts); the app reaches them with OUTBOUND_ALLOW=127.0.0.1.

async function main() {
  const env = getEnv();
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  const db = createPrismaClient(database.url, { max: 2 });
  const started = performance.now();
  try {
    const result = await seedDemo(db);
    const ms = Math.round(performance.now() - started);
    const where = database.embedded ? "embedded database" : "PostgreSQL";
    if (!result.created) {
      console.log(`db:seed: ${where} already has an organisation; nothing seeded (${ms} ms)`);
    } else {
      const counts = Object.entries(result.counts ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(" ");
      console.log(`db:seed: seeded the demo organisation into the ${where} in ${ms} ms: ${counts}`);
      if (!database.embedded && env.MASTER_KEY) {
        try {
          const made = await seedDemoDatabases(db, {
            mysqlAdminUrl: process.env.DEMO_MYSQL_URL ?? "mysql://root@127.0.0.1:3306",
            postgresAdminUrl: database.url,
            masterKey: parseMasterKey(env.MASTER_KEY),
          });
          const which = Object.entries(made).flatMap(([name, done]) => (done ? [name] : []));
          console.log(`db:seed: demo databases: ${which.join(", ") || "none (servers not found)"}`);
        } catch (error) {
          // The organisation is seeded; only its own databases are missing (no CREATEDB, say).
          const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
          console.log(`db:seed: demo databases not created: ${reason}`);
        }
      }
    }
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  // The message only: errors from Prisma may quote row values.
  console.error(
    `db:seed failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
  );
  process.exitCode = 1;
});
