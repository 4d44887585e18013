import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import type { TNewRequest } from "@/lib/validation/requests";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: the request path through the data layer against a real PostgreSQL database.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let mod: {
  create: typeof import("./create-request");
  decide: typeof import("./complete-request") &
    typeof import("@/lib/data/identity/decide-identity");
  get: typeof import("./get-request");
  packages: typeof import("@/lib/data/packages/build-package");
  audit: typeof import("@/lib/audit/verify");
  record: typeof import("@/lib/audit/record");
  reference: typeof import("./reference");
  boss: typeof import("@/lib/jobs/boss");
};

async function person(role: Actor["role"], withSubject = false): Promise<Actor> {
  const user = await db.user.create({ data: { email: `${randomUUID()}@test.example.jp`, role } });
  if (withSubject) {
    await db.subject.create({
      data: { userId: user.id, familyName: "試験", givenName: "花子", email: user.email },
    });
  }
  return { userId: user.id, role, email: user.email, ip: "127.0.0.1", passkeyAt: new Date() };
}

const nobody = {
  familyName: "",
  givenName: "",
  familyNameKana: "",
  givenNameKana: "",
  birthDate: "",
};
const input = (): TNewRequest => ({
  type: "DISCLOSURE",
  idempotencyKey: randomUUID(),
  filerRole: "SELF",
  residence: { country: "JP" as const, region: "" },
  subject: { ...nobody, relationship: "" },
  requester: { ...nobody, familyName: "試験", givenName: "花子" },
  note: "",
  details: { scope: "ALL", categoryKeys: [], method: "JSON", postalAddress: "" },
});

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  mod = {
    create: await import("./create-request"),
    decide: {
      ...(await import("./complete-request")),
      ...(await import("@/lib/data/identity/decide-identity")),
    },
    get: await import("./get-request"),
    packages: await import("@/lib/data/packages/build-package"),
    audit: await import("@/lib/audit/verify"),
    record: await import("@/lib/audit/record"),
    reference: await import("./reference"),
    boss: await import("@/lib/jobs/boss"),
  };
  await db.deadlinePolicy.create({
    data: { jurisdiction: "JP", amount: 7, unit: "CALENDAR_DAYS" },
  });
});

afterAll(async () => {
  await (await mod.boss.getBoss()).stop({ graceful: false });
  await db.$disconnect();
  await testDb.drop();
});

describe("two filings at once", () => {
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const event = (entityId: string) => ({
    actorId: null,
    actorRole: "SUBJECT",
    action: "test.filing",
    entityType: "Request",
    entityId,
  });

  // One audits before it takes its reference (a new subject), the other after: they must not
  // deadlock on the audit chain's lock and the counter row.
  it("take references and audit in one order, so both succeed", async () => {
    const now = new Date();
    const auditFirst = db.$transaction(
      async (tx) => {
        await mod.record.recordAudit(tx, event("first"));
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
        await mod.record.recordAudit(tx, event("second"));
        return reference;
      },
      { timeout: 20_000 },
    );
    const results = await Promise.allSettled([auditFirst, referenceFirst]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    const references = results.map((r) => (r as PromiseFulfilledResult<string>).value);
    expect(new Set(references).size).toBe(2);
    for (const reference of references) expect(reference).toMatch(/^R-\d{4}-\d{6}$/);
    expect((await mod.audit.verifyAuditChain(db)).ok).toBe(true);
  });
});

describe("filing and deciding a disclosure request", () => {
  it("files once per idempotency key, even when submitted twice at once", async () => {
    const actor = await person("SUBJECT", true);
    const same = input();
    const [a, b] = await Promise.all([
      mod.create.createRequest({ actor, input: same, locale: "ja" }),
      mod.create.createRequest({ actor, input: same, locale: "ja" }),
    ]);
    expect(a.reference).toBe(b.reference);
    expect(a.reference).toMatch(/^R-\d{4}-\d{6}$/);
    expect(await db.request.count({ where: { filedById: actor.userId } })).toBe(1);
  });

  it("sets the due date from the JP policy and queues the acknowledgement mail with the request", async () => {
    const actor = await person("SUBJECT", true);
    const { reference } = await mod.create.createRequest({
      actor,
      input: input(),
      locale: "en",
    });
    const request = await db.request.findUniqueOrThrow({ where: { reference } });
    const days = (request.dueAt.getTime() - request.receivedAt.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(6);
    expect(days).toBeLessThanOrEqual(8);
    const jobs = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail-send' AND data->>'to' = $1 AND data->>'kind' = 'requestReceived'`,
      actor.email,
    );
    expect(jobs[0]?.n).toBe(1);
  });

  it("walks verify then complete, with timeline and audit events, and refuses illegal moves", async () => {
    const subject = await person("SUBJECT", true);
    const staff = await person("STAFF");
    const { reference } = await mod.create.createRequest({
      actor: subject,
      input: input(),
      locale: "ja",
    });

    await expect(
      mod.decide.completeRequest({
        actor: staff,
        input: { reference, outcome: "FULFILLED", note: "early" },
      }),
    ).rejects.toMatchObject({ code: "ILLEGAL_TRANSITION" });
    await expect(
      mod.decide.verifyIdentity({ actor: subject, input: { reference, note: "" } }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    await mod.decide.verifyIdentity({ actor: staff, input: { reference, note: "passport" } });
    // A disclosure goes out only with the package staff built.
    await expect(
      mod.decide.completeRequest({
        actor: staff,
        input: { reference, outcome: "FULFILLED", note: "sent" },
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "disclosurePackage.errors.notBuilt" });
    await mod.packages.buildPackage({ actor: staff, input: { reference } });
    await mod.decide.completeRequest({
      actor: staff,
      input: { reference, outcome: "FULFILLED", note: "sent" },
    });

    const view = await mod.get.getRequest({ actor: subject, reference });
    expect(view?.status).toBe("COMPLETED");
    expect(view?.outcome).toBe("FULFILLED");
    expect(view?.events.map((e) => e.kind)).toEqual(["submitted", "verifyIdentity", "complete"]);
    const audits = await db.auditEvent.findMany({
      where: { requestId: view!.id },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => a.action)).toEqual([
      "request.submit",
      "identity.decide",
      "request.verifyIdentity",
      "package.build",
      "package.build",
      "request.complete",
      "package.release",
      "package.release",
    ]);
    const released = await db.responsePackage.findFirstOrThrow({ where: { requestId: view!.id } });
    expect(released.releasedAt).not.toBeNull();
    expect(released.expiresAt!.getTime() - released.releasedAt!.getTime()).toBe(7 * 86_400_000);
    expect(
      await db.verificationDecision.count({ where: { requestId: view!.id, result: "VERIFIED" } }),
    ).toBe(1);
  });

  it("shows a subject only their own requests", async () => {
    const owner = await person("SUBJECT", true);
    const stranger = await person("SUBJECT", true);
    const { reference } = await mod.create.createRequest({
      actor: owner,
      input: input(),
      locale: "ja",
    });
    expect(await mod.get.getRequest({ actor: stranger, reference })).toBeNull();
    expect(await mod.get.getRequest({ actor: owner, reference })).not.toBeNull();
  });

  it("keeps an intact audit chain, and detects an edited row", async () => {
    expect((await mod.audit.verifyAuditChain(db)).ok).toBe(true);
    const row = await db.auditEvent.findFirstOrThrow({ orderBy: { id: "asc" } });
    await db.$executeRawUnsafe(`UPDATE "AuditEvent" SET action = 'tampered' WHERE id = $1`, row.id);
    const result = await mod.audit.verifyAuditChain(db);
    expect(result.ok).toBe(false);
    expect(result.brokenAt).toBe(row.id);
  });
});
