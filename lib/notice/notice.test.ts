import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import {
  ZCategoryConfig,
  ZPurposeConfig,
  ZRecipientConfig,
} from "@/lib/validation/data-map-config";
import { seedDemo } from "@/prisma/seed/index";
import { createTestDatabase } from "@/scripts/lib/test-database";

import type { Notice, NoticeChange } from "./types";

// Integration: the versioned privacy notice against PostgreSQL with the demo seed — built from
// configuration only, a version per real change made by the manager's own data functions, the
// consent rule, gap-free numbering under concurrency, the person's "seen" marker and the route.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let mod: {
  build: typeof import("./build");
  diff: typeof import("./diff");
  record: typeof import("./record");
  versions: typeof import("./versions");
  saveCategory: typeof import("@/lib/data/data-map/config/save-category");
  savePurpose: typeof import("@/lib/data/data-map/config/save-purpose");
  saveRecipient: typeof import("@/lib/data/data-map/config/save-recipient");
  deletePurpose: typeof import("@/lib/data/data-map/config/delete-purpose");
  setUses: typeof import("@/lib/data/data-map/config/set-system-uses");
  brand: typeof import("@/lib/data/brand/brand");
  statements: typeof import("@/lib/data/brand/statements");
  consent: typeof import("@/lib/data/privacy-signals/notice-consent");
  authorities: typeof import("@/lib/data/policies/authorities");
  audit: typeof import("@/lib/audit/verify");
  route: typeof import("@/app/api/v1/notice/route");
};
let manager: Actor;

const uniqueKey = (prefix: string) => `${prefix}_${randomUUID().slice(0, 8)}`;
const texts = { nameJa: "名前", nameEn: "Name", descriptionJa: "", descriptionEn: "" };
const noticeTexts = { sources: [], retentionJa: "", retentionEn: "" };
const category = (key = uniqueKey("cat")) =>
  ZCategoryConfig.parse({ key, ...texts, dataClass: "ORDINARY", sortOrder: "10", ...noticeTexts });
const purpose = (key = uniqueKey("pur")) =>
  ZPurposeConfig.parse({
    key,
    ...texts,
    suspendable: true,
    gpcOptOut: false,
    suspensionNoteJa: "",
    suspensionNoteEn: "",
    sortOrder: "0",
  });
const recipient = (recipientClass: "THIRD_PARTY" | "PROCESSOR", key = uniqueKey("rec")) =>
  ZRecipientConfig.parse({
    key,
    ...texts,
    recipientClass,
    country: "",
    regimeNoteJa: "",
    regimeNoteEn: "",
    measuresJa: "",
    measuresEn: "",
    processorCategoryJa: recipientClass === "PROCESSOR" ? "配送業務" : "",
    processorCategoryEn: recipientClass === "PROCESSOR" ? "Delivery" : "",
    address: "",
    representative: "",
    noticeEmail: "",
    noticeWebhookUrl: "",
    transferSafeguard: "",
    gpcOptOut: false,
  });

async function latestRow() {
  return db.noticeVersion.findFirstOrThrow({ orderBy: { version: "desc" } });
}
const changesOf = (row: { changes: unknown }) => row.changes as NoticeChange[];

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  await seedDemo(db);
  mod = {
    build: await import("./build"),
    diff: await import("./diff"),
    record: await import("./record"),
    versions: await import("./versions"),
    saveCategory: await import("@/lib/data/data-map/config/save-category"),
    savePurpose: await import("@/lib/data/data-map/config/save-purpose"),
    saveRecipient: await import("@/lib/data/data-map/config/save-recipient"),
    deletePurpose: await import("@/lib/data/data-map/config/delete-purpose"),
    setUses: await import("@/lib/data/data-map/config/set-system-uses"),
    brand: await import("@/lib/data/brand/brand"),
    statements: await import("@/lib/data/brand/statements"),
    consent: await import("@/lib/data/privacy-signals/notice-consent"),
    authorities: await import("@/lib/data/policies/authorities"),
    audit: await import("@/lib/audit/verify"),
    route: await import("@/app/api/v1/notice/route"),
  };
  const user = await db.user.create({
    data: { email: `${randomUUID()}@test.example.jp`, role: "MANAGER" },
  });
  manager = {
    userId: user.id,
    role: "MANAGER",
    email: user.email,
    ip: null,
    passkeyAt: new Date(),
  };
});

afterAll(async () => {
  await db.$disconnect();
  await testDb.drop();
});

describe("the notice", () => {
  it("is built from configuration, deterministically, and the seed published it as version 1", async () => {
    const first = (await mod.build.buildNotice(db))!;
    const second = (await mod.build.buildNotice(db))!;
    expect(mod.diff.noticeHash(first)).toBe(mod.diff.noticeHash(second));
    expect(JSON.stringify(first)).toBe(JSON.stringify(second));

    const v1 = await db.noticeVersion.findUniqueOrThrow({ where: { version: 1 } });
    expect(v1.hash).toBe(mod.diff.noticeHash(first));
    // Stored as jsonb (keys reordered), it still hashes the same.
    expect(mod.diff.noticeHash(v1.content as unknown as Notice)).toBe(v1.hash);
    expect(v1.needsConsent).toBe(false);
    expect(changesOf(v1).every((c) => c.kind === "added" && !c.needsConsent)).toBe(true);

    expect(first.controller.name).toEqual({ ja: "株式会社サクラリンク", en: "Sakura Link Inc." });
    expect(first.rights.map((r) => r.requestType)).toHaveLength(6);
    expect(first.rights[0]?.name.ja).toBe("保有個人データの開示");
    expect(first.rightsHowTo.ja).not.toBe("notice.rightsHowTo");
    expect(first.complaints.authorities.some((a) => a.key.startsWith("EU-"))).toBe(false);
    // Processors by their category, never by name; law enforcement is not an announced recipient.
    expect(first.recipients.find((r) => r.key === "proc-delivery")?.thirdParty).toBe(false);
    expect(first.recipients.some((r) => r.recipientClass === "LAW_ENFORCEMENT")).toBe(false);
    expect(first.recipients.find((r) => r.key === "group-travel")?.thirdParty).toBe(true);
    const used = first.purposes.find((p) => p.categoryKeys.length > 0)!;
    expect(used.categoryKeys).toEqual([...used.categoryKeys].sort());
    expect(first.sources.map((s) => s.categoryKey)).toEqual(first.categories.map((c) => c.key));
    expect(first.retention.map((r) => r.categoryKey)).toEqual(first.categories.map((c) => c.key));
  });

  it("does not change with people's data", async () => {
    const before = await latestRow();
    const subject = await db.subject.findFirstOrThrow({ select: { id: true } });
    const item = await db.personalDataItem.findFirstOrThrow({
      select: { systemId: true, categoryId: true },
    });
    await db.personalDataItem.create({
      data: {
        subjectId: subject.id,
        ...item,
        field: "note",
        value: "x",
        source: "PUBLIC",
        collectedAt: new Date(),
      },
    });
    const result = await db.$transaction((tx) =>
      mod.record.recordNoticeVersion(tx, { actorId: null, actorRole: null }),
    );
    expect(result).toEqual({ version: before.version, created: false });
  });

  it("makes a version needing consent when a purpose is added", async () => {
    const before = await latestRow();
    const input = purpose();
    await mod.savePurpose.savePurpose({ actor: manager, input });
    const row = await latestRow();
    expect(row.version).toBe(before.version + 1);
    expect(row.needsConsent).toBe(true);
    expect(row.createdById).toBe(manager.userId);
    expect(changesOf(row)).toEqual([
      {
        element: "purposes",
        kind: "added",
        key: input.key,
        name: { ja: "名前", en: "Name" },
        fields: [],
        needsConsent: true,
      },
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "notice.version", entityId: row.id },
    });
    expect(audit).toMatchObject({
      actorId: manager.userId,
      data: { version: row.version, needsConsent: true },
    });
    expect((await mod.audit.verifyAuditChain(db)).ok).toBe(true);
  });

  it("makes a version without consent when a category is renamed, and none when nothing changes", async () => {
    const input = category();
    const { id } = await mod.saveCategory.saveCategory({ actor: manager, input });
    const before = await latestRow();
    await mod.saveCategory.saveCategory({
      actor: manager,
      input: { ...input, id, nameEn: "Renamed" },
    });
    const row = await latestRow();
    expect(row.version).toBe(before.version + 1);
    expect(row.needsConsent).toBe(false);
    expect(changesOf(row)).toEqual([
      {
        element: "categories",
        kind: "changed",
        key: input.key,
        name: { ja: "名前", en: "Renamed" },
        fields: ["name"],
        needsConsent: false,
      },
    ]);

    const count = await db.noticeVersion.count();
    await mod.saveCategory.saveCategory({
      actor: manager,
      input: { ...input, id, nameEn: "Renamed" },
    });
    expect(await db.noticeVersion.count()).toBe(count);
  });

  it("asks for consent for a new use of a category by an existing purpose", async () => {
    const c = await mod.saveCategory.saveCategory({ actor: manager, input: category() });
    const system = await db.dataSystem.findFirstOrThrow({
      select: { id: true, uses: { select: { categoryId: true, purposeId: true } } },
      where: { uses: { some: {} } },
    });
    const existing = system.uses.map((u) => `${u.categoryId}:${u.purposeId}`);
    const purposeId = system.uses[0]!.purposeId;
    const purposeKey = (await db.purpose.findUniqueOrThrow({ where: { id: purposeId } })).key;
    await mod.setUses.setSystemUses({
      actor: manager,
      input: { systemId: system.id, pairs: [...existing, `${c.id}:${purposeId}`] },
    });
    const row = await latestRow();
    expect(row.needsConsent).toBe(true);
    expect(changesOf(row)).toEqual([
      expect.objectContaining({
        element: "purposes",
        kind: "changed",
        key: purposeKey,
        fields: ["categoryKeys"],
        needsConsent: true,
      }),
    ]);
  });

  it("asks for consent for a new third party, not for a new processor", async () => {
    await mod.saveRecipient.saveRecipient({ actor: manager, input: recipient("THIRD_PARTY") });
    const third = await latestRow();
    expect(third.needsConsent).toBe(true);
    expect(changesOf(third)).toEqual([
      expect.objectContaining({ element: "recipients", kind: "added", needsConsent: true }),
    ]);

    const processor = recipient("PROCESSOR");
    const saved = await mod.saveRecipient.saveRecipient({ actor: manager, input: processor });
    const row = await latestRow();
    expect(row.version).toBe(third.version + 1);
    expect(row.needsConsent).toBe(false);
    expect(changesOf(row)).toEqual([
      expect.objectContaining({
        element: "recipients",
        kind: "added",
        name: { ja: "配送業務", en: "Delivery" },
        needsConsent: false,
      }),
    ]);

    // The processor becomes an independent recipient: that provision needs consent.
    await mod.saveRecipient.saveRecipient({
      actor: manager,
      input: { ...processor, id: saved.id, recipientClass: "THIRD_PARTY" },
    });
    const turned = await latestRow();
    expect(turned.needsConsent).toBe(true);
    expect(changesOf(turned)[0]).toMatchObject({
      kind: "changed",
      key: processor.key,
      fields: expect.arrayContaining(["recipientClass", "thirdParty"]),
    });
  });

  it("tells a removed purpose, the organisation's and an authority's changes", async () => {
    const p = await mod.savePurpose.savePurpose({ actor: manager, input: purpose() });
    await mod.deletePurpose.deletePurpose({ actor: manager, id: p.id });
    expect(changesOf(await latestRow())).toEqual([
      expect.objectContaining({ element: "purposes", kind: "removed", key: p.key }),
    ]);

    const brand = await mod.brand.getBrandSettings({ actor: manager });
    await mod.brand.updateBrand({
      actor: manager,
      input: { ...brand, departmentEn: "Privacy Office" },
    });
    expect(changesOf(await latestRow())).toEqual([
      expect.objectContaining({ element: "controller", kind: "changed", key: null }),
    ]);
    expect(changesOf(await latestRow())[0]?.fields).toEqual(["department"]);

    const authority = await db.supervisoryAuthority.findUniqueOrThrow({ where: { key: "UK" } });
    await mod.authorities.updateAuthority({
      actor: manager,
      input: {
        key: "UK",
        nameJa: authority.nameJa,
        nameEn: "ICO (renamed)",
        contactJa: authority.contactJa,
        contactEn: authority.contactEn,
        url: authority.url,
      },
    });
    const row = await latestRow();
    expect(row.needsConsent).toBe(false);
    expect(changesOf(row)).toEqual([
      expect.objectContaining({ element: "complaints", key: "UK", fields: ["name"] }),
    ]);
  });

  it("states each category's sources and retention as the manager sets them", async () => {
    const notice = (await mod.build.buildNotice(db))!;
    // The seed states them for every category.
    expect(notice.sources.find((s) => s.categoryKey === "cookie_id")?.sources).toEqual([
      "AUTOMATIC",
    ]);
    expect(notice.retention.find((r) => r.categoryKey === "email")?.period?.ja).toBe("退会後5年間");
    const row = await db.dataCategory.findUniqueOrThrow({ where: { key: "email" } });
    await mod.saveCategory.saveCategory({
      actor: manager,
      input: ZCategoryConfig.parse({
        id: row.id,
        key: row.key,
        nameJa: row.nameJa,
        nameEn: row.nameEn,
        descriptionJa: row.descriptionJa,
        descriptionEn: row.descriptionEn,
        dataClass: row.dataClass,
        sortOrder: String(row.sortOrder),
        sources: ["THIRD_PARTY", "DIRECT", "DIRECT"],
        retentionJa: "退会後3年間",
        retentionEn: "Three years after the membership ends",
      }),
    });
    const latest = await latestRow();
    expect(latest.needsConsent).toBe(false);
    expect(changesOf(latest)).toEqual([
      expect.objectContaining({ element: "sources", key: "email", fields: ["sources"] }),
      expect.objectContaining({ element: "retention", key: "email", fields: ["period"] }),
    ]);
    const content = latest.content as unknown as Notice;
    // In DataSource's order, once each.
    expect(content.sources.find((s) => s.categoryKey === "email")?.sources).toEqual([
      "DIRECT",
      "THIRD_PARTY",
    ]);
  });

  it("makes a version when a public statement changes, with the fields named and audited", async () => {
    const before = await mod.statements.getStatements({ actor: manager });
    const result = await mod.statements.updateStatements({
      actor: manager,
      input: {
        ...before,
        processorOversightJa: "委託先とは契約を結び、年1回監査します。",
        automatedDecisionsEn: "We make no decision by automated means alone.",
      },
    });
    expect(result.changed).toEqual(["processorOversightJa", "automatedDecisionsEn"]);
    const latest = await latestRow();
    expect(result.noticeVersion).toEqual({ version: latest.version, created: true });
    expect(changesOf(latest)).toEqual([
      expect.objectContaining({ element: "purposes", key: null, fields: ["automatedDecisions"] }),
      expect.objectContaining({
        element: "recipients",
        key: null,
        fields: ["processorOversight"],
      }),
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "config.statements.update" },
      orderBy: { at: "desc" },
    });
    expect(audit.data).toEqual({ changed: "processorOversightJa,automatedDecisionsEn" });
    // The same texts again: nothing changes, no version.
    const again = await mod.statements.updateStatements({
      actor: manager,
      input: await mod.statements.getStatements({ actor: manager }),
    });
    expect(again).toEqual({ changed: [], noticeVersion: null });
    expect((await latestRow()).version).toBe(latest.version);
    const subject: Actor = { ...manager, role: "SUBJECT" };
    await expect(mod.statements.getStatements({ actor: subject })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("asks a person to consent to a new purpose and third party; a no stops that use", async () => {
    const user = await db.user.create({
      data: { email: `${randomUUID()}@test.example.jp`, role: "SUBJECT" },
    });
    const subject = await db.subject.create({
      data: { userId: user.id, familyName: "同意", givenName: "花子" },
    });
    const actor: Actor = {
      userId: user.id,
      role: "SUBJECT",
      email: user.email,
      ip: null,
      passkeyAt: null,
    };
    const seen = (await latestRow()).version;
    await mod.versions.markNoticeSeen(actor, seen);
    const p = await mod.savePurpose.savePurpose({ actor: manager, input: purpose() });
    const r = await mod.saveRecipient.saveRecipient({
      actor: manager,
      input: recipient("THIRD_PARTY"),
    });
    const latest = (await latestRow()).version;
    const items = await mod.consent.myConsentItems({ actor, seen, latest });
    expect(items.map((i) => [i.element, i.key])).toEqual([
      ["purposes", p.key],
      ["recipients", r.key],
    ]);

    // Every question must be answered.
    await expect(
      mod.consent.answerNoticeConsent({
        actor,
        input: {
          version: latest,
          answers: [{ element: "purposes", key: p.key, choice: "yes" }],
        },
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });

    const input = {
      version: latest,
      answers: [
        { element: "purposes" as const, key: p.key, choice: "yes" as const },
        { element: "recipients" as const, key: r.key, choice: "no" as const },
      ],
    };
    // Two tabs at once: one answer is recorded, the other finds it done.
    const results = await Promise.all([
      mod.consent.answerNoticeConsent({ actor, input }),
      mod.consent.answerNoticeConsent({ actor, input }),
    ]);
    expect(results.map((x) => x.consented + x.declined).sort()).toEqual([0, 2]);
    const consents = await db.consent.findMany({ where: { subjectId: subject.id } });
    expect(consents).toEqual([
      expect.objectContaining({
        kind: "NOTICE",
        purposeId: p.id,
        reference: `notice-v${latest - 1}`,
      }),
    ]);
    const restrictions = await db.useRestriction.findMany({ where: { subjectId: subject.id } });
    expect(restrictions).toEqual([
      expect.objectContaining({ kind: "RECIPIENT", recipientId: r.id, source: "NOTICE" }),
    ]);
    const marked = await db.subject.findUniqueOrThrow({ where: { id: subject.id } });
    expect(marked.noticeSeenVersion).toBe(latest);
    expect(
      await db.auditEvent.count({ where: { action: "notice.consent", entityId: subject.id } }),
    ).toBe(1);
    expect(await mod.consent.myConsentItems({ actor, seen: latest, latest })).toEqual([]);
    await expect(mod.consent.answerNoticeConsent({ actor: manager, input })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("numbers concurrent changes without gaps or duplicates", async () => {
    const before = await latestRow();
    const a = purpose();
    const b = category();
    await Promise.all([
      mod.savePurpose.savePurpose({ actor: manager, input: a }),
      mod.saveCategory.saveCategory({ actor: manager, input: b }),
    ]);
    const rows = await db.noticeVersion.findMany({
      where: { version: { gt: before.version } },
      orderBy: { version: "asc" },
    });
    expect(rows.map((r) => r.version)).toEqual([before.version + 1, before.version + 2]);
    // Each version tells its own change only: the second was built after the first committed.
    const keys = rows.map((r) => changesOf(r).map((c) => c.key));
    expect(keys.flat().sort()).toEqual([a.key, b.key].sort());
    expect(keys.every((k) => k.length === 1)).toBe(true);

    const since = await mod.versions.changesSince(db, before.version);
    expect(since.latest).toBe(before.version + 2);
    expect(since.versions.map((v) => v.version)).toEqual([before.version + 2, before.version + 1]);
    expect(since.needsConsent).toBe(true);
    expect(await mod.versions.changesSince(db, null)).toMatchObject({
      versions: [],
      needsConsent: false,
    });

    const list = await mod.versions.listNoticeVersions(db);
    expect(list.map((v) => v.version)).toEqual(
      Array.from({ length: before.version + 2 }, (_, i) => before.version + 2 - i),
    );
    const latest = await mod.versions.latestNotice(db);
    expect(latest?.version).toBe(before.version + 2);
    expect(latest?.notice.purposes.some((p) => p.key === a.key)).toBe(true);
  });

  it("marks the notice seen for the signed-in person's own subject only", async () => {
    const [mine, other] = await Promise.all(
      ["SUBJECT", "SUBJECT"].map(async () => {
        const user = await db.user.create({
          data: { email: `${randomUUID()}@test.example.jp`, role: "SUBJECT" },
        });
        const subject = await db.subject.create({
          data: { userId: user.id, familyName: "試験", givenName: "花子" },
        });
        return { user, subject };
      }),
    );
    const actor: Actor = {
      userId: mine!.user.id,
      role: "SUBJECT",
      email: mine!.user.email,
      ip: null,
      passkeyAt: null,
    };
    const { version } = (await latestRow()) as { version: number };
    expect(await mod.versions.markNoticeSeen(actor, version)).toEqual({ seenVersion: version });
    // Never backwards.
    expect(await mod.versions.markNoticeSeen(actor, 1)).toEqual({ seenVersion: version });
    const rows = await db.subject.findMany({
      where: { id: { in: [mine!.subject.id, other!.subject.id] } },
      select: { id: true, noticeSeenVersion: true },
    });
    expect(rows.find((r) => r.id === mine!.subject.id)?.noticeSeenVersion).toBe(version);
    expect(rows.find((r) => r.id === other!.subject.id)?.noticeSeenVersion).toBeNull();
    await expect(mod.versions.markNoticeSeen(actor, version + 100)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(mod.versions.markNoticeSeen(manager, version)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("is served at /api/v1/notice, by version too", async () => {
    const latest = await mod.route.GET(new Request("http://localhost/api/v1/notice"));
    expect(latest.status).toBe(200);
    expect(latest.headers.get("cache-control")).toBe("public, max-age=60");
    const body = (await latest.json()) as { version: number; elements: string[]; notice: Notice };
    expect(body.version).toBe((await latestRow()).version);
    expect(body.elements).toContain("purposes");
    expect(body.notice.controller.name.en).toBe("Sakura Link Inc.");

    const first = await mod.route.GET(new Request("http://localhost/api/v1/notice?version=1"));
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ version: 1, needsConsent: false });

    for (const version of ["9999", "0", "abc"]) {
      const missing = await mod.route.GET(
        new Request(`http://localhost/api/v1/notice?version=${version}`),
      );
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ error: { code: "unknown_version" } });
    }
  });
});

describe("without an organisation", () => {
  it("records nothing and reads null", async () => {
    const empty = await createTestDatabase();
    const { createPrismaClient } = await import("@/lib/db");
    const other = createPrismaClient(empty.url, { max: 2 });
    try {
      expect(
        await other.$transaction((tx) =>
          mod.record.recordNoticeVersion(tx, { actorId: null, actorRole: null }),
        ),
      ).toEqual({ version: 0, created: false });
      expect(await mod.versions.latestNotice(other)).toBeNull();
      expect(await mod.versions.changesSince(other, 3)).toEqual({
        latest: 0,
        versions: [],
        needsConsent: false,
      });
      expect(await other.noticeVersion.count()).toBe(0);
    } finally {
      await other.$disconnect();
      await empty.drop();
    }
  });
});
