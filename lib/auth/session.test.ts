import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Db } from "@/lib/db";
import { createTestDatabase, type TestDatabase } from "@/scripts/lib/test-database";

// Integration: sessions as next-auth writes them (lib/auth/auth.ts), read back by readSession
// against PostgreSQL, with next-auth's expiry and rolling-update rules.

let testDb: TestDatabase;
let db: Db;
let mod: typeof import("./session");

const HOUR = 60 * 60 * 1000;
const now = new Date("2026-11-22T10:00:00Z");

async function sessionFor(role: "SUBJECT" | "STAFF", expires: Date) {
  const token = randomBytes(32).toString("hex");
  const user = await db.user.create({
    data: { email: `${token.slice(0, 12)}@test.example.jp`, role },
  });
  await db.session.create({ data: { sessionToken: token, userId: user.id, expires } });
  return { token, user };
}
const expiresOf = async (token: string) =>
  (await db.session.findUnique({ where: { sessionToken: token } }))?.expires;

beforeAll(async () => {
  testDb = await createTestDatabase({ prefix: "session" });
  process.env.DATABASE_URL = testDb.url;
  db = (await import("@/lib/db")).getDb();
  mod = await import("./session");
});

afterAll(async () => {
  await db?.$disconnect();
  await testDb?.drop();
});

describe("readSession", () => {
  it("uses next-auth's cookie names and ages", async () => {
    const { SESSION_COOKIES, SESSION_MAX_AGE_S, SESSION_UPDATE_AGE_S } = mod;
    expect(SESSION_COOKIES).toEqual(["__Secure-authjs.session-token", "authjs.session-token"]);
    expect([SESSION_MAX_AGE_S, SESSION_UPDATE_AGE_S]).toEqual([8 * 3600, 15 * 60]);
  });

  it("returns the session's user and leaves a freshly extended session alone", async () => {
    const expires = new Date(now.getTime() + 8 * HOUR - 60_000);
    const { token, user } = await sessionFor("STAFF", expires);
    expect(await mod.readSession(token, now)).toEqual({
      id: user.id,
      role: "STAFF",
      email: user.email,
    });
    expect(await expiresOf(token)).toEqual(expires);
  });

  it("extends the session to eight hours from now once it was last extended 15 minutes ago", async () => {
    const { token } = await sessionFor("SUBJECT", new Date(now.getTime() + 7 * HOUR));
    expect(await mod.readSession(token, now)).not.toBeNull();
    expect(await expiresOf(token)).toEqual(new Date(now.getTime() + 8 * HOUR));
  });

  it("refuses and deletes an expired session, and knows no unknown token", async () => {
    const { token } = await sessionFor("SUBJECT", new Date(now.getTime() - 1000));
    expect(await mod.readSession(token, now)).toBeNull();
    expect(await expiresOf(token)).toBeUndefined();
    expect(await mod.readSession(randomBytes(32).toString("hex"), now)).toBeNull();
  });

  it("ends with the user: a deleted user's session is gone", async () => {
    const { token, user } = await sessionFor("STAFF", new Date(now.getTime() + HOUR));
    await db.user.delete({ where: { id: user.id } });
    expect(await mod.readSession(token, now)).toBeNull();
  });
});
