import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { can } from "@/lib/auth/permissions";
import { createPrismaClient, type Db } from "@/lib/db";
import { createTestDatabase } from "@/scripts/lib/test-database";

import { isDatabaseEmpty, seedDemo } from ".";
import { planProvisions } from "./ledger";
import { createClock, createRng } from "./random";

const NOW = new Date("2026-11-22T03:00:00Z");

describe("demo seed", () => {
  let drop: () => Promise<void>;
  let db: Db;
  let first: Awaited<ReturnType<typeof seedDemo>>;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    db = createPrismaClient(database.url, { max: 2 });
    expect(await isDatabaseEmpty(db)).toBe(true);
    first = await seedDemo(db, { now: NOW });
  });

  afterAll(async () => {
    await db?.$disconnect();
    await drop?.();
  });

  it("creates the organisation once, free of charge", async () => {
    expect(first.created).toBe(true);
    expect(await isDatabaseEmpty(db)).toBe(false);
    const org = await db.organisation.findUniqueOrThrow({ where: { id: "org" } });
    expect(org.disclosureFeeYen).toBe(0);
    expect(org.purposeNotificationFeeYen).toBe(0);
  });

  it("builds the data map", async () => {
    expect(await db.dataSystem.count()).toBeGreaterThanOrEqual(6);
    const http = await db.dataSystem.findFirstOrThrow({
      where: { connector: "HTTP" },
      omit: { secret: false },
    });
    expect(http.secret).toBeTruthy();
    expect(http.config).toMatchObject({ endpoint: expect.stringMatching(/^http:\/\//) });

    const categories = await db.dataCategory.findMany();
    expect(categories.length).toBeGreaterThanOrEqual(12);
    expect(categories.some((c) => c.dataClass === "SENSITIVE")).toBe(true);
    const informative = categories.filter((c) => c.dataClass === "INFORMATIVE").map((c) => c.key);
    expect(informative).toEqual(
      expect.arrayContaining(["cookie_id", "ip_address", "ad_id", "location", "browsing_log"]),
    );

    const purposes = await db.purpose.findMany({ orderBy: { sortOrder: "asc" } });
    expect(purposes.map((p) => p.key)).toEqual([
      "service_operation",
      "fraud_prevention",
      "improvement",
      "ads",
      "publication",
      "research",
      "third_party_provision",
    ]);
    expect(purposes.find((p) => p.key === "fraud_prevention")?.suspendable).toBe(false);
    expect(await db.systemCategoryPurpose.count()).toBeGreaterThan(50);
  });

  it("covers every recipient class and all eight scenes", async () => {
    const recipients = await db.recipient.findMany();
    expect(recipients.length).toBeGreaterThanOrEqual(12);
    const classes = new Set(recipients.map((r) => r.recipientClass));
    for (const c of [
      "THIRD_PARTY",
      "GROUP_COMPANY",
      "FOREIGN_THIRD_PARTY",
      "PROCESSOR",
      "LAW_ENFORCEMENT",
    ] as const) {
      expect(classes.has(c)).toBe(true);
    }
    for (const r of recipients.filter((r) => r.recipientClass === "FOREIGN_THIRD_PARTY")) {
      expect(
        r.country && r.regimeNoteJa && r.regimeNoteEn && r.measuresJa && r.measuresEn,
      ).toBeTruthy();
    }
    for (const r of recipients.filter((r) => r.recipientClass === "PROCESSOR")) {
      expect(r.processorCategoryJa && r.processorCategoryEn).toBeTruthy();
    }
    const scenes = await db.scene.findMany({ orderBy: { sortOrder: "asc" } });
    expect(scenes.map((s) => s.key)).toEqual([
      "reservation",
      "job_application",
      "client_report",
      "survey",
      "review",
      "points_link",
      "card_fraud",
      "scouting",
    ]);
  });

  it("seeds three subjects, two of them with portal accounts", async () => {
    const subjects = await db.subject.findMany({ include: { user: true } });
    expect(subjects).toHaveLength(3);
    const hanako = subjects.find((s) => s.email === "hanako.sato@example.jp");
    expect(hanako?.user).toMatchObject({
      email: "hanako.sato@example.jp",
      role: "SUBJECT",
      locale: "ja",
    });
    expect(subjects.filter((s) => s.userId)).toHaveLength(2);

    const items = await db.personalDataItem.findMany({ include: { category: true } });
    expect(items.some((i) => i.category.dataClass === "SENSITIVE")).toBe(true);
    expect(items.some((i) => i.legalHold && i.legalHoldReason)).toBe(true);
    const informative = items.filter((i) => i.category.dataClass === "INFORMATIVE");
    expect(new Set(informative.map((i) => i.linkedToPerson))).toEqual(new Set([true, false]));
    expect(new Set(items.map((i) => i.source))).toEqual(
      new Set(["DIRECT", "AUTOMATIC", "THIRD_PARTY", "PUBLIC"]),
    );
    expect(await db.subjectExternalId.count()).toBeGreaterThanOrEqual(3 * 6);
  });

  it("fills a realistic provision ledger", async () => {
    const records = await db.provisionRecord.findMany({
      include: { subject: true, consent: true },
    });
    expect(records.length).toBeGreaterThanOrEqual(150);
    const hanako = records.filter((r) => r.subject.email === "hanako.sato@example.jp");
    expect(hanako.length).toBeGreaterThan(records.length / 2);
    expect(new Set(records.map((r) => r.legalBasis))).toEqual(
      new Set([
        "CONSENT",
        "OPT_OUT",
        "LAW",
        "USER_APPLICATION",
        "CONTRACT",
        "PROCESSING_ENTRUSTMENT",
      ]),
    );
    for (const r of records) {
      if (r.legalBasis === "CONSENT") expect(r.consent).not.toBeNull();
      expect(r.providedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(r.keepUntil.getTime()).toBeGreaterThan((r.periodEnd ?? r.providedAt).getTime());
    }
    expect(records.some((r) => r.periodEnd)).toBe(true);
    expect(await db.lawEnforcementDisclosure.count()).toBeGreaterThanOrEqual(3);
    // Art.30 receipt records: the provider as confirmed, how it obtained the data, kept 3 years.
    const receipts = await db.receiptRecord.findMany();
    expect(receipts.length).toBeGreaterThanOrEqual(3);
    for (const r of receipts) {
      expect(r.providerName && r.providerAddress && r.acquisitionMethod).toBeTruthy();
      expect(r.keepUntil.getTime()).toBeGreaterThan(r.receivedAt.getTime());
    }
  });

  it("creates a privacy office team and the deadline policies", async () => {
    const staff = await db.user.findMany({
      where: { role: { in: ["STAFF", "MANAGER", "ADMIN"] } },
    });
    expect(staff.map((u) => [u.email, u.role]).sort()).toEqual([
      ["admin@example.jp", "ADMIN"],
      ["manager2@example.jp", "MANAGER"],
      ["manager@example.jp", "MANAGER"],
      ["staff2@example.jp", "STAFF"],
      ["staff3@example.jp", "STAFF"],
      ["staff@example.jp", "STAFF"],
    ]);
    expect(staff.every((u) => u.emailVerified)).toBe(true);
    const jp = await db.deadlinePolicy.findFirstOrThrow({
      where: { jurisdiction: "JP", requestType: null },
    });
    expect(jp).toMatchObject({ amount: 10, unit: "CALENDAR_DAYS", extensionAmount: null });
    expect(await db.deadlinePolicy.count()).toBe(7);
  });

  it("keeps the rules the app enforces on its own history", async () => {
    // Law-enforcement register: four eyes, the approver a manager or admin other than the recorder
    // (lib/data/law-enforcement/record-disclosure.ts).
    const register = await db.lawEnforcementDisclosure.findMany({
      select: {
        recordedById: true,
        approverId: true,
        approver: { select: { role: true } },
        recorder: { select: { role: true } },
      },
    });
    for (const entry of register) {
      expect(entry.recordedById).not.toBeNull();
      expect(entry.approverId).not.toBe(entry.recordedById);
      expect(can(entry.approver!.role, "policy:configure")).toBe(true);
      expect(can(entry.recorder!.role, "policy:configure")).toBe(true);
    }
    // Every item a person can be shown has a label for its field in both languages.
    const unlabelled = await db.$queryRaw<{ key: string }[]>`
      SELECT DISTINCT s.key || ':' || i.field AS key FROM "PersonalDataItem" i
      JOIN "DataSystem" s ON s.id = i."systemId"
      LEFT JOIN "DataField" f ON f."systemId" = i."systemId" AND f.key = i.field
      WHERE f.id IS NULL OR f."labelJa" = '' OR f."labelEn" = ''`;
    expect(unlabelled).toEqual([]);
    // The transparency page describes every category; a purpose that cannot be stopped says why.
    const categories = await db.dataCategory.findMany();
    expect(categories.filter((c) => !c.descriptionJa || !c.descriptionEn)).toEqual([]);
    const fixed = await db.purpose.findMany({ where: { suspendable: false } });
    expect(fixed.length).toBeGreaterThan(0);
    expect(fixed.filter((p) => !p.suspensionNoteJa || !p.suspensionNoteEn)).toEqual([]);
  });

  it("does nothing the second time", async () => {
    const before = await db.provisionRecord.count();
    expect(await seedDemo(db, { now: NOW })).toEqual({ created: false });
    expect(await db.provisionRecord.count()).toBe(before);
    expect(await db.user.count()).toBe(8);
  });
});

describe("ledger plan", () => {
  it("is deterministic for a given now", () => {
    const plan = () =>
      planProvisions(createRng(), createClock(NOW)).map((p) => [
        p.recipient,
        p.providedAt.toISOString(),
      ]);
    expect(plan()).toEqual(plan());
  });
});
