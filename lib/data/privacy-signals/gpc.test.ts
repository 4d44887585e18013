import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { gpcRequested } from "@/lib/http/gpc";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration (issue 16): a Global Privacy Control signal is honoured once per person, as use
// restrictions on the purposes and recipients the data map marks, with the restrictions.changed
// webhook queued and an audit event, in one transaction; repeated and concurrent signals change
// nothing more; what a request already stopped is left as it is.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let gpc: typeof import("./gpc");
let boss: typeof import("@/lib/jobs/boss");
let webhooks: typeof import("@/lib/integration/webhooks");
const ids: Record<string, string> = {};
let n = 0;

async function person(): Promise<{ actor: Actor; subjectId: string }> {
  n += 1;
  const user = await db.user.create({ data: { email: `gpc-${n}@test.example.jp` } });
  const subject = await db.subject.create({
    data: { userId: user.id, familyName: "試験", givenName: `花子${n}` },
  });
  await db.subjectExternalId.create({
    data: { subjectId: subject.id, systemId: ids.shop!, externalId: `M-${n}` },
  });
  return {
    actor: { userId: user.id, role: "SUBJECT", ip: null } as Actor,
    subjectId: subject.id,
  };
}

const jobs = async () =>
  (
    await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1`,
      webhooks.WEBHOOK_QUEUE,
    )
  )[0]!.n;

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  gpc = await import("./gpc");
  boss = await import("@/lib/jobs/boss");
  webhooks = await import("@/lib/integration/webhooks");
  await boss.getBoss(); // creates pg-boss's tables, which the webhook jobs go to
  const shop = await db.dataSystem.create({
    data: {
      key: "shop",
      nameJa: "店舗",
      nameEn: "Shop",
      connector: "HTTP",
      secret: "s".repeat(32),
    },
  });
  ids.shop = shop.id;
  await db.webhookSubscription.create({
    data: { systemId: shop.id, url: "http://127.0.0.1:9/hook" },
  });
  const [ads, service] = await Promise.all([
    db.purpose.create({ data: { key: "ads", nameJa: "広告配信", nameEn: "Ads", gpcOptOut: true } }),
    db.purpose.create({ data: { key: "service", nameJa: "提供", nameEn: "Service" } }),
  ]);
  const [adreach, partner] = await Promise.all([
    db.recipient.create({
      data: {
        key: "adreach",
        nameJa: "AdReach",
        nameEn: "AdReach",
        recipientClass: "FOREIGN_THIRD_PARTY",
        gpcOptOut: true,
      },
    }),
    db.recipient.create({
      data: { key: "partner", nameJa: "提携", nameEn: "Partner", recipientClass: "THIRD_PARTY" },
    }),
  ]);
  Object.assign(ids, {
    ads: ads.id,
    service: service.id,
    adreach: adreach.id,
    partner: partner.id,
  });
});

afterAll(async () => {
  await (await boss.getBoss()).stop({ graceful: false }).catch(() => undefined);
  await db.$disconnect();
  await testDb.drop();
});

describe("the Sec-GPC header", () => {
  it("means the signal only when its value is 1", () => {
    expect(gpcRequested(new Headers({ "Sec-GPC": "1" }))).toBe(true);
    expect(gpcRequested(new Headers({ "sec-gpc": " 1 " }))).toBe(true);
    expect(gpcRequested(new Headers({ "Sec-GPC": "0" }))).toBe(false);
    expect(gpcRequested(new Headers({ "Sec-GPC": "true" }))).toBe(false);
    expect(gpcRequested(new Headers())).toBe(false);
  });
});

describe("honourGpc", () => {
  it("stops the marked purposes and recipients once, with the webhook and an audit event", async () => {
    const { actor, subjectId } = await person();
    const before = await jobs();
    const at = new Date("2026-12-06T01:00:00Z");
    expect(await gpc.honourGpc({ actor, at })).toEqual({
      status: "applied",
      since: at,
      restrictions: 2,
    });
    const rows = await db.useRestriction.findMany({
      where: { subjectId },
      select: { kind: true, purposeId: true, recipientId: true, source: true, liftedAt: true },
      orderBy: { kind: "asc" },
    });
    expect(rows).toEqual([
      { kind: "PURPOSE", purposeId: ids.ads, recipientId: null, source: "GPC", liftedAt: null },
      {
        kind: "RECIPIENT",
        purposeId: null,
        recipientId: ids.adreach,
        source: "GPC",
        liftedAt: null,
      },
    ]);
    expect(await jobs()).toBe(before + 1);
    const audit = await db.auditEvent.findMany({
      where: { action: "gpc.honour", entityId: subjectId },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.data).toEqual({ restrictions: 2 });

    // Again: nothing new, no webhook, no audit; the first date stands.
    expect(await gpc.honourGpc({ actor })).toEqual({ status: "already", since: at });
    expect(await db.useRestriction.count({ where: { subjectId } })).toBe(2);
    expect(await jobs()).toBe(before + 1);
    expect(
      await db.auditEvent.count({ where: { action: "gpc.honour", entityId: subjectId } }),
    ).toBe(1);

    const mine = await gpc.myGpcOptOut({ actor });
    expect(mine?.since).toEqual(at);
    expect(mine?.restrictions.map((r) => r.purpose?.key ?? r.recipient?.key)).toEqual([
      "ads",
      "adreach",
    ]);
  });

  it("creates the restrictions once when signals race", async () => {
    const { actor, subjectId } = await person();
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => gpc.honourGpc({ actor })));
    expect(outcomes.filter((o) => o.status === "applied")).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "already")).toHaveLength(5);
    expect(await db.useRestriction.count({ where: { subjectId } })).toBe(2);
    expect(
      await db.auditEvent.count({ where: { action: "gpc.honour", entityId: subjectId } }),
    ).toBe(1);
  });

  it("leaves what a request already stopped as it is", async () => {
    const { actor, subjectId } = await person();
    await db.useRestriction.create({
      data: { subjectId, kind: "RECIPIENT", recipientId: ids.adreach },
    });
    expect(await gpc.honourGpc({ actor })).toMatchObject({ status: "applied", restrictions: 1 });
    const rows = await db.useRestriction.findMany({
      where: { subjectId },
      select: { kind: true, source: true },
      orderBy: { kind: "asc" },
    });
    expect(rows).toEqual([
      { kind: "PURPOSE", source: "GPC" },
      { kind: "RECIPIENT", source: "REQUEST" },
    ]);
  });

  it("records nothing for a person the organisation holds no record of, nor for staff", async () => {
    const user = await db.user.create({ data: { email: "gpc-none@test.example.jp" } });
    const actor = { userId: user.id, role: "SUBJECT", ip: null } as Actor;
    expect(await gpc.honourGpc({ actor })).toEqual({ status: "no-subject" });
    expect(await gpc.myGpcOptOut({ actor })).toBeNull();
    const staff = { userId: user.id, role: "STAFF", ip: null } as Actor;
    await expect(gpc.honourGpc({ actor: staff })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("is counted on the dashboard, in all and in the last 30 days", async () => {
    const manager = { userId: "m", role: "MANAGER", ip: null } as Actor;
    const { actor } = await person();
    await gpc.honourGpc({ actor, at: new Date("2026-01-01T00:00:00Z") });
    const counts = await gpc.countGpcOptOuts({
      actor: manager,
      now: new Date("2026-12-06T12:00:00Z"),
    });
    // Three honoured above (one in January), the no-subject person not at all.
    expect(counts).toEqual({ total: 4, recent: 3 });
    const subject = { userId: "s", role: "SUBJECT", ip: null } as Actor;
    await expect(gpc.countGpcOptOuts({ actor: subject })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
