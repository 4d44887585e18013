import { PrismaPg } from "@prisma/adapter-pg";

import { getEnv } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One Prisma client per process. Secrets are omitted from every query unless asked for by name.
export function createPrismaClient(url: string, options: { max?: number } = {}) {
  const adapter = new PrismaPg({ connectionString: url, max: options.max ?? 10 });
  return new PrismaClient({
    adapter,
    omit: { dataSystem: { secret: true, previousSecret: true }, apiKey: { hash: true } },
    // The embedded database runs one transaction at a time: waiting for it beats failing a
    // person's action because a background job held the database for two seconds.
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { __db?: Db };

/** The app's client; DATABASE_URL is set by scripts/start.ts in embedded mode too. */
export function getDb(): Db {
  if (!globalForDb.__db) {
    const url = getEnv().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`");
    globalForDb.__db = createPrismaClient(url);
  }
  return globalForDb.__db;
}
