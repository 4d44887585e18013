import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { createPrismaClient, type Db } from "@/lib/db";
import { createTestDatabase, type TestDatabase } from "@/scripts/lib/test-database";

import { recordAudit } from "./record";
import { verifyAuditChain } from "./verify";

// The audit chain against a real PostgreSQL database: each kind of tampering is found, by the
// function and by `npm run audit:verify` (the script, run as an operator runs it).

const root = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

let testDb: TestDatabase;
let db: Db;

async function writeEvents(n: number) {
  for (let i = 0; i < n; i++) {
    await db.$transaction((tx) =>
      recordAudit(tx, {
        actorId: null,
        actorRole: "SYSTEM",
        action: `test.event-${i}`,
        entityType: "Test",
        entityId: String(i),
      }),
    );
  }
  return db.auditEvent.findMany({ orderBy: { id: "asc" } });
}

async function cli(): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(
      path.join(root, "node_modules/.bin/tsx"),
      ["scripts/audit-verify.ts"],
      { cwd: root, env: { ...process.env, DATABASE_URL: testDb.url } },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

beforeEach(async () => {
  testDb = await createTestDatabase({ prefix: "audit" });
  db = createPrismaClient(testDb.url, { max: 4 });
});

afterEach(async () => {
  await db.$disconnect();
  await testDb.drop();
});

describe("the audit chain", () => {
  it("is intact after concurrent writers, and the script says so", async () => {
    await Promise.all(Array.from({ length: 4 }, () => writeEvents(5)));
    expect(await verifyAuditChain(db)).toEqual({
      ok: true,
      brokenAt: null,
      reason: null,
      count: 20,
    });
    const result = await cli();
    expect(result.code).toBe(0);
    expect(result.output).toContain("intact, 20 events");
  });

  it("finds an edited row", async () => {
    const rows = await writeEvents(5);
    await db.$executeRaw`UPDATE "AuditEvent" SET "entityId" = 'changed' WHERE id = ${rows[2]!.id}`;
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: false,
      brokenAt: rows[2]!.id,
      reason: "edited",
    });
    const result = await cli();
    expect(result.code).toBe(1);
    expect(result.output).toContain(`BROKEN at event ${rows[2]!.id}`);
  });

  it("finds a row deleted from the middle", async () => {
    const rows = await writeEvents(5);
    await db.$executeRaw`DELETE FROM "AuditEvent" WHERE id = ${rows[1]!.id}`;
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: false,
      brokenAt: rows[2]!.id,
      reason: "unlinked",
    });
  });

  it("finds rows deleted from the end", async () => {
    const rows = await writeEvents(5);
    await db.$executeRaw`DELETE FROM "AuditEvent" WHERE id >= ${rows[3]!.id}`;
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: false,
      reason: "head-mismatch",
      count: 3,
    });
    const result = await cli();
    expect(result.code).toBe(1);
    expect(result.output).toContain("rows removed from the end");
  });

  it("finds two rows swapped", async () => {
    const rows = await writeEvents(5);
    const [a, b] = [rows[1]!, rows[2]!];
    // Move the two rows' contents into each other's places (ids are the chain's order).
    await db.$transaction([
      db.$executeRaw`UPDATE "AuditEvent" SET id = -1 WHERE id = ${a.id}`,
      db.$executeRaw`UPDATE "AuditEvent" SET id = ${a.id} WHERE id = ${b.id}`,
      db.$executeRaw`UPDATE "AuditEvent" SET id = ${b.id} WHERE id = -1`,
    ]);
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: false,
      brokenAt: a.id,
      reason: "unlinked",
    });
  });

  it("continues a chain written before the head existed", async () => {
    await writeEvents(3);
    await db.auditHead.deleteMany();
    expect((await verifyAuditChain(db)).reason).toBe("head-mismatch");
    await writeEvents(2);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, count: 5 });
  });
});
