import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Db } from "@/lib/db";
import { createFsBackend } from "@/lib/storage/fs-backend";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Readiness against the real PostgreSQL: a fresh database answers but has no job queue until
// pg-boss has made its tables; an unwritable folder and a database that is not there are named.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let dir: string;
let mod: {
  readiness: typeof import("./readiness");
  boss: typeof import("@/lib/jobs/boss");
  db: typeof import("@/lib/db");
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  mod = {
    readiness: await import("./readiness"),
    boss: await import("@/lib/jobs/boss"),
    db: await import("@/lib/db"),
  };
  db = mod.db.getDb();
  dir = await mkdtemp(path.join(os.tmpdir(), "dsar-ready-"));
});

afterAll(async () => {
  await (await mod.boss.getBoss()).stop({ graceful: false });
  await db.$disconnect();
  await testDb.drop();
  await rm(dir, { recursive: true, force: true });
});

describe("readiness", () => {
  it("names the job queue until pg-boss has made its tables, then is ready", async () => {
    const storage = createFsBackend({ dataDir: dir });
    expect(await mod.readiness.checkReadiness({ db, storage })).toEqual({
      ready: false,
      checks: { database: "ok", storage: "ok", jobs: "failed" },
    });
    await mod.boss.getBoss();
    expect(await mod.readiness.checkReadiness({ db, storage })).toEqual({
      ready: true,
      checks: { database: "ok", storage: "ok", jobs: "ok" },
    });
  });

  it("names storage whose folder cannot be written", async () => {
    // DATA_DIR is a file: its files/ folder can never be made.
    const file = path.join(dir, "not-a-folder");
    await writeFile(file, "x");
    const result = await mod.readiness.checkReadiness({
      db,
      storage: createFsBackend({ dataDir: file }),
    });
    expect(result.ready).toBe(false);
    expect(result.checks.storage).toBe("failed");
    expect(result.checks.database).toBe("ok");
  });

  it("names the database (and so the queue) when it does not answer, within its time limit", async () => {
    // A server that accepts the connection and never answers: the time limit decides.
    const net = await import("node:net");
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as { port: number }).port;
    const away = mod.db.createPrismaClient(`postgresql://postgres@127.0.0.1:${port}/none`);
    try {
      const started = Date.now();
      const result = await mod.readiness.checkReadiness({
        db: away,
        storage: createFsBackend({ dataDir: dir }),
        timeoutMs: 300,
      });
      expect(result).toEqual({
        ready: false,
        checks: { database: "failed", storage: "ok", jobs: "failed" },
      });
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      silent.close();
    }
  });
});
