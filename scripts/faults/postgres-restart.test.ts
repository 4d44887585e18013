import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import type { TNewRequest } from "@/lib/validation/requests";

import { applyMigrations } from "../db/migrations";
import { startTempPostgres, type TempPostgres } from "../lib/temp-postgres";

// Fault: PostgreSQL restarts while 500 requests are being filed concurrently. Afterwards every
// submission exists exactly once — either it went through, or its client saw an error and a
// retry with the same idempotency key stored it once — and nothing is half-written: each request
// has its timeline event, its audit event and its acknowledgement mail job, and the audit chain
// is intact. Runs on a PostgreSQL server of its own (scripts/lib/temp-postgres.ts).

const SUBMISSIONS = 500;
const PEOPLE = 50;

let pg: TempPostgres;
let db: Db;
let mod: {
  create: typeof import("@/lib/data/requests/create-request");
  audit: typeof import("@/lib/audit/verify");
  boss: typeof import("@/lib/jobs/boss");
};

const nobody = {
  familyName: "",
  givenName: "",
  familyNameKana: "",
  givenNameKana: "",
  birthDate: "",
};
const input = (idempotencyKey: string): TNewRequest => ({
  type: "DISCLOSURE",
  idempotencyKey,
  filerRole: "SELF",
  residence: { country: "JP" as const, region: "" },
  subject: { ...nobody, relationship: "" },
  requester: { ...nobody, familyName: "試験", givenName: "花子" },
  note: "",
  details: { scope: "ALL", categoryKeys: [], method: "JSON", postalAddress: "" },
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  pg = await startTempPostgres();
  const { default: pgClient } = await import("pg");
  const admin = new pgClient.Client({ connectionString: pg.url() });
  await admin.connect();
  await admin.query(`CREATE DATABASE dsar_fault`);
  await admin.end();
  await applyMigrations({ url: pg.url("dsar_fault") });
  process.env.DATABASE_URL = pg.url("dsar_fault");
  const { getDb } = await import("@/lib/db");
  db = getDb();
  mod = {
    create: await import("@/lib/data/requests/create-request"),
    audit: await import("@/lib/audit/verify"),
    boss: await import("@/lib/jobs/boss"),
  };
  await db.deadlinePolicy.create({
    data: { jurisdiction: "JP", amount: 10, unit: "CALENDAR_DAYS" },
  });
  await mod.boss.getBoss();
}, 120_000);

afterAll(async () => {
  await (await mod.boss.getBoss()).stop({ graceful: false }).catch(() => undefined);
  await db.$disconnect();
  await pg.stop();
});

async function people(): Promise<Actor[]> {
  const actors: Actor[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const user = await db.user.create({
      data: { email: `${randomUUID()}@test.example.jp`, role: "SUBJECT" },
    });
    await db.subject.create({
      data: { userId: user.id, familyName: "試験", givenName: "花子", email: user.email },
    });
    actors.push({
      userId: user.id,
      role: "SUBJECT",
      email: user.email,
      ip: "127.0.0.1",
      passkeyAt: new Date(),
    });
  }
  return actors;
}

describe("PostgreSQL restarted during 500 concurrent submissions", () => {
  it("stores every submission exactly once, whole", async () => {
    const actors = await people();
    const keys = Array.from({ length: SUBMISSIONS }, () => randomUUID());
    let done = 0;
    let restarted = false;
    const restart = (async () => {
      while (done < 40) await sleep(5);
      await pg.restart("immediate");
      restarted = true;
    })();

    // A client files once, and after an error retries with the same key until it is stored.
    const client = async (index: number) => {
      const actor = actors[index % PEOPLE]!;
      let errors = 0;
      for (;;) {
        try {
          const result = await mod.create.createRequest({
            actor,
            input: input(keys[index]!),
            locale: "ja",
          });
          done += 1;
          return { key: keys[index]!, reference: result.reference, errors };
        } catch {
          errors += 1;
          if (errors > 200) throw new Error(`submission ${index} never got through`);
          await sleep(100 + Math.random() * 200);
        }
      }
    };
    const results = await Promise.all(keys.map((_, i) => client(i)));
    await restart;
    expect(restarted).toBe(true);

    // The fault hit: some clients saw errors and retried.
    const retried = results.filter((r) => r.errors > 0).length;
    expect(retried).toBeGreaterThan(0);

    const requests = await db.request.findMany({
      select: { id: true, reference: true, idempotencyKey: true },
    });
    expect(requests).toHaveLength(SUBMISSIONS);
    expect(new Set(requests.map((r) => r.idempotencyKey))).toEqual(new Set(keys));
    const byKey = new Map(requests.map((r) => [r.idempotencyKey, r.reference]));
    for (const r of results) expect(byKey.get(r.key)).toBe(r.reference);
    expect(new Set(requests.map((r) => r.reference)).size).toBe(SUBMISSIONS);

    // Nothing half-written: one timeline event, one audit event and one mail job per request.
    const events = await db.requestEvent.groupBy({
      by: ["requestId"],
      _count: true,
      where: { kind: "submitted" },
    });
    expect(events).toHaveLength(SUBMISSIONS);
    expect(events.every((e) => e._count === 1)).toBe(true);
    const audits = await db.auditEvent.groupBy({
      by: ["entityId"],
      _count: true,
      where: { action: "request.submit" },
    });
    expect(audits).toHaveLength(SUBMISSIONS);
    expect(audits.every((a) => a._count === 1)).toBe(true);
    const [mails] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail-send'`;
    expect(mails?.n).toBe(SUBMISSIONS);
    expect(await mod.audit.verifyAuditChain(db)).toMatchObject({ ok: true });
    console.log(`postgres restart: ${retried} of ${SUBMISSIONS} clients saw an error and retried`);
  }, 240_000);
});
