import { afterAll, beforeAll, expect, it } from "vitest";

import type { Db } from "@/lib/db";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: two filings at once, against a real PostgreSQL database. One audits before it
// takes its reference (a new subject), the other after: they must not deadlock.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let mod: {
  reference: typeof import("./reference");
  audit: typeof import("@/lib/audit/record");
  verify: typeof import("@/lib/audit/verify");
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  mod = {
    reference: await import("./reference"),
    audit: await import("@/lib/audit/record"),
    verify: await import("@/lib/audit/verify"),
  };
});

afterAll(async () => {
  await db.$disconnect();
  await testDb.drop();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const event = (entityId: string) => ({
  actorId: null,
  actorRole: "SUBJECT",
  action: "test.filing",
  entityType: "Request",
  entityId,
});

it("takes references and audits in one order, so two filings at once both succeed", async () => {
  const now = new Date();
  const auditFirst = db.$transaction(
    async (tx) => {
      await mod.audit.recordAudit(tx, event("first"));
      await pause(400);
      return mod.reference.nextReference(tx, now);
    },
    { timeout: 20_000 },
  );
  await pause(150);
  const referenceFirst = db.$transaction(
    async (tx) => {
      const reference = await mod.reference.nextReference(tx, now);
      await pause(400);
      await mod.audit.recordAudit(tx, event("second"));
      return reference;
    },
    { timeout: 20_000 },
  );
  const results = await Promise.allSettled([auditFirst, referenceFirst]);
  expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
  const references = results.map((r) => (r as PromiseFulfilledResult<string>).value);
  expect(new Set(references).size).toBe(2);
  for (const reference of references) expect(reference).toMatch(/^R-\d{4}-\d{6}$/);
  expect((await mod.verify.verifyAuditChain(db)).ok).toBe(true);
});
