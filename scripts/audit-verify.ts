import { verifyAuditChain } from "@/lib/audit/verify";
import { createPrismaClient } from "@/lib/db";
import { getEnv } from "@/lib/env";

import { openDatabase } from "./lib/embedded-db";

// `npm run audit:verify`: walks the audit chain and checks its end against the head. Exit 0 when
// intact, 1 when a row was edited, deleted, inserted or reordered, or rows are missing at the end.

const EXPLAIN = {
  edited: "a row's content does not match its hash (edited)",
  unlinked: "a row does not follow the row before it (deleted, inserted or reordered)",
  "head-mismatch": "the chain does not end at the recorded head (rows removed from the end)",
} as const;

async function main() {
  const env = getEnv();
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  const db = createPrismaClient(database.url, { max: 2 });
  try {
    const started = performance.now();
    const result = await verifyAuditChain(db);
    const ms = Math.round(performance.now() - started);
    if (result.ok) {
      console.log(`audit:verify: intact, ${result.count} events checked in ${ms} ms`);
      return;
    }
    const where = result.brokenAt === null ? "" : ` at event ${result.brokenAt}`;
    console.error(
      `audit:verify: BROKEN${where}: ${EXPLAIN[result.reason!]}; ${result.count} events intact before it`,
    );
    process.exitCode = 1;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(
    `audit:verify failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
  );
  process.exitCode = 2;
});
