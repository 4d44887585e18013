import { createPrismaClient } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { seedDemo } from "@/prisma/seed";

import { openDatabase } from "../lib/embedded-db";

// `npm run db:seed`: fills an empty database with the demo organisation. Logs counts only, never
// personal data. Run `npm run db:migrate` first.

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
