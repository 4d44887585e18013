import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import type { TLawEnforcementEntry } from "@/lib/validation/law-enforcement";
import { ZLawEnforcementEntry } from "@/lib/validation/law-enforcement";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: the law-enforcement register against a real PostgreSQL database, and the public
// transparency counts it feeds.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let mod: {
  record: typeof import("./record-disclosure");
  list: typeof import("./list-disclosures");
  transparency: typeof import("@/lib/data/transparency/get-transparency");
  audit: typeof import("@/lib/audit/verify");
};

async function person(role: Actor["role"], email = `${randomUUID()}@test.example.jp`) {
  const user = await db.user.create({ data: { email, role } });
  return {
    userId: user.id,
    role,
    email: user.email,
    ip: "127.0.0.1",
    passkeyAt: new Date(),
  } satisfies Actor;
}

const entry = (approverId: string, over: Partial<TLawEnforcementEntry> = {}) =>
  ZLawEnforcementEntry.parse({
    basis: "INQUIRY",
    authority: "警視庁 渋谷警察署",
    issuingOfficer: "刑事課 巡査部長 試験 太郎",
    scope: "照会書記載の会員1名の氏名",
    decision: "DISCLOSED",
    approverId,
    items: ["name"],
    subjectEmail: "",
    disclosedOn: "2025-03-31",
    note: "",
    ...over,
  });

async function counts(year: number) {
  const data = await mod.transparency.getTransparency({ locale: "ja" });
  return data?.lawEnforcement.find((r) => r.year === year) ?? null;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  mod = {
    record: await import("./record-disclosure"),
    list: await import("./list-disclosures"),
    transparency: await import("@/lib/data/transparency/get-transparency"),
    audit: await import("@/lib/audit/verify"),
  };
  await db.organisation.create({ data: { nameJa: "試験株式会社", nameEn: "Test Ltd." } });
  await db.dataCategory.createMany({
    data: [
      { key: "name", nameJa: "氏名", nameEn: "Name" },
      { key: "phone", nameJa: "電話番号", nameEn: "Phone" },
    ],
  });
});

afterAll(async () => {
  await db.$disconnect();
  await testDb.drop();
});

describe("law-enforcement register", () => {
  it("records an entry with its subject, decision and an audit event holding ids only", async () => {
    const recorder = await person("MANAGER");
    const approver = await person("ADMIN");
    const subjectEmail = `${randomUUID()}@subject.example.jp`;
    const subject = await db.subject.create({
      data: { familyName: "照会", givenName: "花子", email: subjectEmail },
    });
    const { id } = await mod.record.recordDisclosure({
      actor: recorder,
      input: entry(approver.userId, {
        decision: "PARTIAL",
        subjectEmail: subjectEmail.toUpperCase(),
        items: ["name", "phone"],
        note: "利用履歴は対象外",
      }),
    });
    const row = await db.lawEnforcementDisclosure.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      subjectId: subject.id,
      approverId: approver.userId,
      recordedById: recorder.userId,
      basis: "INQUIRY",
      items: ["name", "phone"],
      decision: "PARTIAL",
      note: "利用履歴は対象外",
    });
    // Noon in Japan on the chosen day.
    expect(row.disclosedAt.toISOString()).toBe("2025-03-31T03:00:00.000Z");

    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityType: "LawEnforcementDisclosure", entityId: id },
    });
    expect(audit.action).toBe("law-enforcement.record");
    expect(audit.actorId).toBe(recorder.userId);
    const data = JSON.stringify(audit.data);
    expect(data).toContain(subject.id);
    expect(data).not.toContain(subjectEmail);
    expect(data).not.toContain("照会");
    expect((await mod.audit.verifyAuditChain(db)).ok).toBe(true);

    const listed = await mod.list.listDisclosures({ actor: approver, page: 1 });
    expect(listed.entries[0]).toMatchObject({ id, decision: "PARTIAL", note: "利用履歴は対象外" });
  });

  it("refuses the recorder as approver, a non-manager approver and unknown items", async () => {
    const recorder = await person("MANAGER");
    const staff = await person("STAFF");
    const other = await person("MANAGER");
    const before = await db.lawEnforcementDisclosure.count();
    await expect(
      mod.record.recordDisclosure({ actor: recorder, input: entry(recorder.userId) }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      messageKey: "lawEnforcement.errors.selfApprover",
    });
    await expect(
      mod.record.recordDisclosure({ actor: recorder, input: entry(staff.userId) }),
    ).rejects.toMatchObject({ messageKey: "lawEnforcement.errors.approverNotManager" });
    await expect(
      mod.record.recordDisclosure({
        actor: recorder,
        input: entry(other.userId, { items: ["my_number"] }),
      }),
    ).rejects.toMatchObject({ messageKey: "lawEnforcement.errors.unknownItem" });
    await expect(
      mod.record.recordDisclosure({
        actor: recorder,
        input: entry(other.userId, { subjectEmail: "nobody@example.jp" }),
      }),
    ).rejects.toMatchObject({ messageKey: "lawEnforcement.errors.subjectNotFound" });
    expect(await db.lawEnforcementDisclosure.count()).toBe(before);
  });

  it("refuses STAFF and SUBJECT actors, for writing and reading", async () => {
    const approver = await person("MANAGER");
    for (const role of ["STAFF", "SUBJECT"] as const) {
      const actor = await person(role);
      await expect(
        mod.record.recordDisclosure({ actor, input: entry(approver.userId) }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(mod.list.listDisclosures({ actor, page: 1 })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
  });

  it("moves the transparency page's count for that year and basis by one", async () => {
    const recorder = await person("MANAGER");
    const approver = await person("MANAGER");
    const before = await counts(2024);
    await mod.record.recordDisclosure({
      actor: recorder,
      input: entry(approver.userId, { basis: "WARRANT", disclosedOn: "2024-12-31" }),
    });
    const after = await counts(2024);
    expect(after?.WARRANT).toBe((before?.WARRANT ?? 0) + 1);
    expect(after?.INQUIRY).toBe(before?.INQUIRY ?? 0);
    expect(after?.total).toBe((before?.total ?? 0) + 1);

    // A refused request is registered but gave nothing: the public count of provisions stays.
    await mod.record.recordDisclosure({
      actor: recorder,
      input: entry(approver.userId, {
        basis: "WARRANT",
        decision: "REFUSED",
        items: [],
        disclosedOn: "2024-12-30",
      }),
    });
    expect((await counts(2024))?.WARRANT).toBe(after?.WARRANT);
  });

  it("pages the register newest first", async () => {
    const recorder = await person("MANAGER");
    const approver = await person("MANAGER");
    for (let i = 0; i < mod.list.REGISTER_PAGE_SIZE; i++)
      await mod.record.recordDisclosure({
        actor: recorder,
        input: entry(approver.userId, { disclosedOn: `2020-01-${String(i + 1).padStart(2, "0")}` }),
      });
    const first = await mod.list.listDisclosures({ actor: recorder, page: 1 });
    const last = await mod.list.listDisclosures({ actor: recorder, page: 99 });
    expect(first.pages).toBeGreaterThan(1);
    expect(last.page).toBe(first.pages);
    const dates = [...first.entries, ...last.entries].map((e) => e.disclosedAt.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });
});

describe("the shared schema", () => {
  it("refuses future dates, items on a refusal and none on a disclosure", () => {
    const base = entry("someone");
    const future = ZLawEnforcementEntry.safeParse({ ...base, disclosedOn: "2999-01-01" });
    expect(future.error?.issues[0]?.message).toBe("lawEnforcement.errors.future");
    const refused = ZLawEnforcementEntry.safeParse({ ...base, decision: "REFUSED" });
    expect(refused.error?.issues[0]?.message).toBe("lawEnforcement.errors.itemsRefused");
    const none = ZLawEnforcementEntry.safeParse({ ...base, items: [] });
    expect(none.error?.issues[0]?.message).toBe("lawEnforcement.errors.chooseItems");
    expect(
      ZLawEnforcementEntry.safeParse({ ...base, decision: "REFUSED", items: [] }).success,
    ).toBe(true);
  });
});
