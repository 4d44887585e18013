import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { seedDemo } from "@/prisma/seed/index";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: the ledger and my-data reads against PostgreSQL with the demo organisation.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let list: typeof import("./list-my-provisions").listMyProvisions;
let stream: typeof import("./stream-my-provisions").streamMyProvisions;
let personalData: typeof import("../subjects/list-my-personal-data").listMyPersonalData;
let hanako: Actor;
let ichiro: Actor;
let hanakoSubjectId: string;

async function actorFor(email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  return { userId: user.id, role: user.role, email, ip: null, passkeyAt: new Date() };
}

/** The ids the database holds for a subject, in ledger order. */
async function expectedIds(subjectId: string, where = "true"): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT p.id FROM "ProvisionRecord" p JOIN "Recipient" r ON r.id = p."recipientId"
     LEFT JOIN "Scene" s ON s.id = p."sceneId"
     WHERE p."subjectId" = $1 AND ${where} ORDER BY p."providedAt" DESC, p.id DESC`,
    subjectId,
  );
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  testDb = await createTestDatabase({ prefix: "ledger" });
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  await seedDemo(db, { now: new Date("2026-11-22T03:00:00Z") });
  list = (await import("./list-my-provisions")).listMyProvisions;
  stream = (await import("./stream-my-provisions")).streamMyProvisions;
  personalData = (await import("../subjects/list-my-personal-data")).listMyPersonalData;
  hanako = await actorFor("hanako.sato@example.jp");
  ichiro = await actorFor("ichiro.suzuki@example.jp");
  hanakoSubjectId = (await db.subject.findUniqueOrThrow({ where: { userId: hanako.userId } })).id;
});

afterAll(async () => {
  await db?.$disconnect();
  await testDb?.drop();
});

describe("listMyProvisions", () => {
  it("pages through exactly the person's own entries, newest first, and back", async () => {
    const expected = await expectedIds(hanakoSubjectId);
    expect(expected.length).toBeGreaterThan(100);
    const seen: string[] = [];
    let after: string | undefined;
    const pages = [];
    for (;;) {
      const page = await list({ actor: hanako, filter: { after }, pageSize: 20 });
      expect(page.total).toBe(expected.length);
      pages.push(page);
      seen.push(...page.rows.map((r) => r.id));
      if (!page.olderCursor) break;
      after = page.olderCursor;
    }
    expect(seen).toEqual(expected);
    expect(pages[0]!.newerCursor).toBeNull();
    expect(pages.at(-1)!.rows.length).toBe(expected.length % 20 || 20);
    // Going back from page 3 gives page 2 again, with links both ways.
    const back = await list({
      actor: hanako,
      filter: { before: pages[2]!.newerCursor! },
      pageSize: 20,
    });
    expect(back.rows.map((r) => r.id)).toEqual(pages[1]!.rows.map((r) => r.id));
    expect(back.newerCursor).not.toBeNull();
    expect(back.olderCursor).not.toBeNull();
    const top = await list({
      actor: hanako,
      filter: { before: pages[1]!.newerCursor! },
      pageSize: 20,
    });
    expect(top.rows.map((r) => r.id)).toEqual(pages[0]!.rows.map((r) => r.id));
    expect(top.newerCursor).toBeNull();
  });

  it("breaks ties on the same instant by id without losing or repeating an entry", async () => {
    const user = await db.user.create({ data: { email: `${randomUUID()}@test.example.jp` } });
    const subject = await db.subject.create({
      data: { userId: user.id, familyName: "同", givenName: "時" },
    });
    const [recipient, purpose] = await Promise.all([
      db.recipient.findUniqueOrThrow({ where: { key: "hotel-sakuratei" } }),
      db.purpose.findFirstOrThrow(),
    ]);
    const at = new Date("2026-01-01T00:00:00Z");
    await db.provisionRecord.createMany({
      data: Array.from({ length: 7 }, () => ({
        subjectId: subject.id,
        recipientId: recipient.id,
        purposeId: purpose.id,
        providedAt: at,
        items: ["name"],
        legalBasis: "USER_APPLICATION" as const,
        keepUntil: new Date("2029-01-01T00:00:00Z"),
      })),
    });
    const actor: Actor = {
      userId: user.id,
      role: "SUBJECT",
      email: user.email,
      ip: null,
      passkeyAt: new Date(),
    };
    const ids: string[] = [];
    let after: string | undefined;
    do {
      const page = await list({ actor, filter: { after }, pageSize: 3 });
      ids.push(...page.rows.map((r) => r.id));
      after = page.olderCursor ?? undefined;
    } while (after);
    expect(ids).toEqual(await expectedIds(subject.id));
    expect(new Set(ids).size).toBe(7);
  });

  it("applies each filter like the database does", async () => {
    const cases: [Parameters<typeof list>[0]["filter"], string][] = [
      [{ recipientClass: "FOREIGN_THIRD_PARTY" }, `r."recipientClass" = 'FOREIGN_THIRD_PARTY'`],
      [{ recipient: "points-connect" }, `r.key = 'points-connect'`],
      [{ scene: "review" }, `s.key = 'review'`],
      [
        { from: "2026-01-01", to: "2026-06-30" },
        `p."providedAt" < '2026-06-30T15:00:00Z'::timestamp AND coalesce(p."periodEnd", p."providedAt") >= '2025-12-31T15:00:00Z'::timestamp`,
      ],
      [
        { recipientClass: "PROCESSOR", from: "2026-10-01" },
        `r."recipientClass" = 'PROCESSOR' AND coalesce(p."periodEnd", p."providedAt") >= '2026-09-30T15:00:00Z'::timestamp`,
      ],
    ];
    for (const [filter, where] of cases) {
      const expected = await expectedIds(hanakoSubjectId, where);
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      const page = await list({ actor: hanako, filter, pageSize: 1000 });
      expect(page.total, JSON.stringify(filter)).toBe(expected.length);
      expect(page.rows.map((r) => r.id)).toEqual(expected);
    }
    const foreign = await list({
      actor: hanako,
      filter: { recipientClass: "FOREIGN_THIRD_PARTY" },
    });
    expect(foreign.rows.every((r) => r.country && r.regimeNoteJa && r.measuresJa)).toBe(true);
  });

  it("never shows another subject's entries, nor any to staff or strangers", async () => {
    const mine = await list({ actor: ichiro, filter: { recipient: "points-connect" } });
    expect(mine.total).toBe(0);
    const all = await list({ actor: ichiro, filter: {}, pageSize: 1000 });
    const ichiroSubject = await db.subject.findUniqueOrThrow({ where: { userId: ichiro.userId } });
    expect(all.rows.map((r) => r.id)).toEqual(await expectedIds(ichiroSubject.id));
    const hanakoIds = new Set(await expectedIds(hanakoSubjectId));
    expect(all.rows.some((r) => hanakoIds.has(r.id))).toBe(false);
    const staff = await list({ actor: { ...hanako, role: "STAFF" }, filter: {} });
    expect(staff.rows).toEqual([]);
    const stranger = await list({
      actor: {
        userId: randomUUID(),
        role: "SUBJECT",
        email: "x@test.example.jp",
        ip: null,
        passkeyAt: new Date(),
      },
      filter: {},
    });
    expect(stranger).toMatchObject({ rows: [], total: 0 });
  });

  it("streams the whole filtered ledger in pages", async () => {
    const ids: string[] = [];
    for await (const rows of stream({
      actor: hanako,
      filter: { scene: "reservation" },
      pageSize: 7,
    }))
      ids.push(...rows.map((r) => r.id));
    expect(ids).toEqual(await expectedIds(hanakoSubjectId, `s.key = 'reservation'`));
  });
});

describe("listMyReceipts (APPI Art.30)", () => {
  it("lists the person's own receipt records in their language, in the period, to nobody else", async () => {
    const { listMyReceipts } = await import("./list-my-receipts");
    const ja = await listMyReceipts({ actor: hanako, locale: "ja" });
    const rows = await db.receiptRecord.findMany({
      where: { subjectId: hanakoSubjectId },
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    });
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(ja.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(ja[0]).toMatchObject({
      provider: { name: rows[0]!.providerName, address: rows[0]!.providerAddress },
      acquisitionMethod: rows[0]!.acquisitionMethod,
    });
    // Category names, not keys, in the reader's language.
    expect(ja.flatMap((r) => r.items)).toContain("メールアドレス");
    const en = await listMyReceipts({ actor: hanako, locale: "en" });
    expect(en.flatMap((r) => r.items)).toContain("Email address");

    const newest = rows[0]!.receivedAt;
    const day = new Date(newest.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
    const inPeriod = await listMyReceipts({ actor: hanako, locale: "ja", from: day, to: day });
    expect(inPeriod.map((r) => r.id)).toEqual([rows[0]!.id]);

    // The page asks for the newest few; without a limit every record comes (downloads, answers).
    const newestOnly = await listMyReceipts({ actor: hanako, locale: "ja", limit: 1 });
    expect(newestOnly.map((r) => r.id)).toEqual([rows[0]!.id]);

    const ichiros = await listMyReceipts({ actor: ichiro, locale: "ja" });
    expect(ichiros.length).toBeGreaterThan(0);
    expect(ichiros.some((r) => rows.some((h) => h.id === r.id))).toBe(false);
    expect(await listMyReceipts({ actor: { ...hanako, role: "STAFF" }, locale: "ja" })).toEqual([]);
  });
});

describe("the ledger query plan for a busy subject", () => {
  it("cuts the first page on the (subjectId, providedAt, id) index before joining; filters use indexes", async () => {
    // 4,000 entries for one subject among 12,000 spread over 600 others: the shape of the
    // benchmark (10,000 among 1,000,000), where joining before the LIMIT sorted every entry.
    const [recipient] = await db.recipient.findMany({ take: 1, orderBy: { key: "asc" } });
    const [purpose] = await db.purpose.findMany({ take: 1 });
    await db.$executeRawUnsafe(`
      INSERT INTO "Subject" (id, "familyName", "givenName", "updatedAt")
      SELECT 'plan-s' || g, '計画', '被験者' || g, now() FROM generate_series(0, 600) g`);
    await db.$executeRawUnsafe(`
      INSERT INTO "ProvisionRecord" (id, "subjectId", "recipientId", "purposeId", "providedAt", items, "legalBasis", "keepUntil")
      SELECT 'plan-p' || g, CASE WHEN g <= 4000 THEN 'plan-s0' ELSE 'plan-s' || (1 + g % 600) END,
        '${recipient!.id}', '${purpose!.id}', now() - g * interval '1 minute', ARRAY['name'],
        'CONTRACT', now() + interval '3 years'
      FROM generate_series(1, 16000) g`);
    await db.$executeRawUnsafe(`ANALYZE "ProvisionRecord"`);
    const { ledgerPageQuery } = await import("@/lib/ledger/query");
    const explain = async (q: { text: string; values: unknown[] }) =>
      (await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${q.text}`, ...q.values))
        .map((r) => r["QUERY PLAN"])
        .join("\n");
    const first = await explain(ledgerPageQuery({ subjectId: "plan-s0", filter: {}, limit: 51 }));
    expect(first).toMatch(
      /Limit[\s\S]*Index Scan using "ProvisionRecord_subjectId_providedAt_id_idx"/,
    );
    expect(first).not.toMatch(/(Bitmap Heap|Seq) Scan on "ProvisionRecord"/);
    // A recipient filter finds the person's entries to that recipient through the index on
    // (recipientId, subjectId), never by reading all of one recipient's entries.
    for (const filter of [
      { recipient: recipient!.key },
      { recipientClass: recipient!.recipientClass },
    ]) {
      const plan = await explain(ledgerPageQuery({ subjectId: "plan-s0", filter, limit: 51 }));
      expect(plan, JSON.stringify(filter)).toMatch(
        /"ProvisionRecord_(recipientId_subjectId|subjectId_providedAt_id)_idx"/,
      );
      expect(plan, JSON.stringify(filter)).not.toMatch(/Seq Scan on "ProvisionRecord"/);
    }
  });
});

describe("listMyPersonalData", () => {
  it("lists the person's items with purposes, hiding erased ones", async () => {
    const before = await personalData({ actor: hanako });
    expect(before!.length).toBeGreaterThan(5);
    expect(before!.some((i) => i.purposes.length > 0)).toBe(true);
    const victim = before![0]!;
    await db.personalDataItem.update({ where: { id: victim.id }, data: { erasedAt: new Date() } });
    const after = await personalData({ actor: hanako });
    expect(after!.map((i) => i.id)).not.toContain(victim.id);
    const theirs = await personalData({ actor: ichiro });
    const mine = new Set(before!.map((i) => i.id));
    expect(theirs!.some((i) => mine.has(i.id))).toBe(false);
    expect(await personalData({ actor: { ...hanako, userId: randomUUID() } })).toBeNull();
  });
});
