import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createPrismaClient, type Db } from "@/lib/db";
import { createTestDatabase, type TestDatabase } from "@/scripts/lib/test-database";

import { consume, consumeAll, pruneRateLimits, rateKey } from "./index";

// Integration: the counters against a real PostgreSQL database, including concurrent hits from
// several connections (as several app processes would make them).

let testDb: TestDatabase;
let db: Db;

beforeAll(async () => {
  testDb = await createTestDatabase({ prefix: "ratelimit" });
  db = createPrismaClient(testDb.url, { max: 8 });
});

afterAll(async () => {
  await db.$disconnect();
  await testDb.drop();
});

describe("rate limits", () => {
  it("hashes the value into the key", () => {
    const key = rateKey("signin", "hanako@example.jp");
    expect(key.startsWith("signin:")).toBe(true);
    expect(key).not.toContain("hanako");
    expect(rateKey("signin", "hanako@example.jp")).toBe(key);
    expect(rateKey("upload", "hanako@example.jp")).not.toBe(key);
  });

  it("allows the limit within a window, then refuses with the seconds left", async () => {
    const key = rateKey("t", "a");
    const now = new Date("2026-11-22T10:00:10Z");
    for (let i = 0; i < 3; i++) {
      expect(await consume(db, { key, limit: 3, windowSeconds: 60 }, now)).toEqual({ ok: true });
    }
    expect(await consume(db, { key, limit: 3, windowSeconds: 60 }, now)).toEqual({
      ok: false,
      retryAfterSeconds: 50,
    });
    // The next window starts afresh.
    const later = new Date("2026-11-22T10:01:00Z");
    expect(await consume(db, { key, limit: 3, windowSeconds: 60 }, later)).toEqual({ ok: true });
  });

  it("counts concurrent hits exactly once each", async () => {
    const key = rateKey("t", "concurrent");
    const now = new Date("2026-11-22T11:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 40 }, () => consume(db, { key, limit: 25, windowSeconds: 600 }, now)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(25);
    const row = await db.rateLimit.findFirst({ where: { key } });
    expect(row?.count).toBe(40);
  });

  it("refuses when any of several limits is used up", async () => {
    const now = new Date("2026-11-22T12:00:00Z");
    const address = { key: rateKey("addr", "x"), limit: 1, windowSeconds: 60 };
    const ip = { key: rateKey("ip", "x"), limit: 10, windowSeconds: 60 };
    expect((await consumeAll(db, [address, ip], now)).ok).toBe(true);
    expect((await consumeAll(db, [address, ip], now)).ok).toBe(false);
    expect((await db.rateLimit.findFirst({ where: { key: ip.key } }))?.count).toBe(2);
  });

  it("prunes windows older than a day", async () => {
    const key = rateKey("t", "old");
    await consume(db, { key, limit: 1, windowSeconds: 60 }, new Date("2026-11-01T00:00:00Z"));
    expect(await pruneRateLimits(db, new Date("2026-11-22T12:00:00Z"))).toBeGreaterThan(0);
    expect(await db.rateLimit.count({ where: { key } })).toBe(0);
  });
});
