import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { signBody } from "@/lib/fulfilment/engine/signature";
import {
  ZCategoryConfig,
  ZPurposeConfig,
  ZRecipientConfig,
  ZSystemConfig,
  ZSystemFields,
} from "@/lib/validation/data-map-config";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: the data map's configuration against a real PostgreSQL database — permissions,
// audit in the same transaction, key conflicts, deletes refused while referenced, and secret
// rotation with the callback's grace period for the previous secret.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let mod: {
  systems: typeof import("./list-systems");
  saveSystem: typeof import("./save-system");
  rotate: typeof import("./rotate-system-secret");
  rotateRecipient: typeof import("./rotate-recipient-secret");
  uses: typeof import("./set-system-uses");
  fields: typeof import("./system-fields");
  saveCategory: typeof import("./save-category");
  deleteCategory: typeof import("./delete-category");
  savePurpose: typeof import("./save-purpose");
  deletePurpose: typeof import("./delete-purpose");
  saveRecipient: typeof import("./save-recipient");
  recipients: typeof import("./list-recipients");
  callback: typeof import("@/lib/fulfilment/engine/callback");
  audit: typeof import("@/lib/audit/verify");
};
let manager: Actor;
let staff: Actor;

async function person(role: Actor["role"]): Promise<Actor> {
  const user = await db.user.create({ data: { email: `${randomUUID()}@test.example.jp`, role } });
  return { userId: user.id, role, email: user.email, ip: "127.0.0.1", passkeyAt: new Date() };
}

const uniqueKey = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
const texts = { nameJa: "名前", nameEn: "Name", descriptionJa: "", descriptionEn: "" };
/** An EMAIL system's settings, which the form always sends (unused by other connectors). */
const mail = { mailTo: "", mailLocale: "ja", remindEveryDays: "3", maxReminders: "5" };

const httpSystem = (key = uniqueKey("sys")) =>
  ZSystemConfig.parse({
    key,
    ...texts,
    ...mail,
    connector: "HTTP",
    endpoint: "https://system.example.jp/dsar",
    timeoutMs: "5000",
  });
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

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  mod = {
    systems: await import("./list-systems"),
    saveSystem: await import("./save-system"),
    rotate: await import("./rotate-system-secret"),
    rotateRecipient: await import("./rotate-recipient-secret"),
    uses: await import("./set-system-uses"),
    fields: await import("./system-fields"),
    saveCategory: await import("./save-category"),
    deleteCategory: await import("./delete-category"),
    savePurpose: await import("./save-purpose"),
    deletePurpose: await import("./delete-purpose"),
    saveRecipient: await import("./save-recipient"),
    recipients: await import("./list-recipients"),
    callback: await import("@/lib/fulfilment/engine/callback"),
    audit: await import("@/lib/audit/verify"),
  };
  manager = await person("MANAGER");
  staff = await person("STAFF");
});

afterAll(async () => {
  await db.$disconnect();
  await testDb.drop();
});

describe("data map configuration", () => {
  it("refuses STAFF on every read and write, changing nothing", async () => {
    const before = await db.auditEvent.count();
    await expect(mod.systems.listSystems({ actor: staff })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      mod.saveSystem.saveSystem({ actor: staff, input: httpSystem() }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      mod.saveCategory.saveCategory({ actor: staff, input: category() }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(mod.rotate.rotateSystemSecret({ actor: staff, id: "x" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("creates and edits a system with its audit events; the key never changes", async () => {
    const input = httpSystem();
    const { id } = await mod.saveSystem.saveSystem({ actor: manager, input });
    await db.dataSystem.update({ where: { id }, data: { config: { ...{}, retries: 2 } } });
    await mod.saveSystem.saveSystem({
      actor: manager,
      input: { ...input, id, key: "renamed", nameEn: "Edited", timeoutMs: "750" },
    });
    const row = await db.dataSystem.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ key: input.key, nameEn: "Edited", connector: "HTTP" });
    // The connector's other settings survive an edit of the endpoint and timeout.
    expect(row.config).toEqual({
      retries: 2,
      endpoint: "https://system.example.jp/dsar",
      timeoutMs: 750,
    });
    const actions = await db.auditEvent.findMany({
      where: { entityType: "DataSystem", entityId: id },
      orderBy: { at: "asc" },
      select: { action: true, actorId: true, data: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["config.system.create", "config.system.update"]);
    expect(actions[0]).toMatchObject({ actorId: manager.userId, data: { key: input.key } });
    expect((await mod.audit.verifyAuditChain(db)).ok).toBe(true);
  });

  it("answers a taken key with a field error and writes nothing", async () => {
    const input = category();
    await mod.saveCategory.saveCategory({ actor: manager, input });
    const before = await db.auditEvent.count();
    await expect(mod.saveCategory.saveCategory({ actor: manager, input })).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "settingsDataMap.errors.keyTaken",
      fieldErrors: { key: "settingsDataMap.errors.keyTaken" },
    });
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("deletes a category or purpose only while nothing refers to it", async () => {
    const system = await mod.saveSystem.saveSystem({ actor: manager, input: httpSystem() });
    const c = await mod.saveCategory.saveCategory({ actor: manager, input: category() });
    const p = await mod.savePurpose.savePurpose({ actor: manager, input: purpose() });
    await mod.uses.setSystemUses({
      actor: manager,
      input: { systemId: system.id, pairs: [`${c.id}:${p.id}`] },
    });
    const inUse = { code: "CONFLICT", messageKey: "settingsDataMap.errors.inUse" };
    await expect(
      mod.deleteCategory.deleteCategory({ actor: manager, id: c.id }),
    ).rejects.toMatchObject(inUse);
    await expect(
      mod.deletePurpose.deletePurpose({ actor: manager, id: p.id }),
    ).rejects.toMatchObject(inUse);
    expect(await db.dataCategory.count({ where: { id: c.id } })).toBe(1);

    await mod.uses.setSystemUses({ actor: manager, input: { systemId: system.id, pairs: [] } });
    await mod.deleteCategory.deleteCategory({ actor: manager, id: c.id });
    await mod.deletePurpose.deletePurpose({ actor: manager, id: p.id });
    expect(await db.dataCategory.count({ where: { id: c.id } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: c.id, action: "config.category.delete" },
    });
    expect(audit.data).toEqual({ key: c.key });
  });

  it("stores a foreign recipient with its Art.28 texts and a processor with its category", async () => {
    const foreign = ZRecipientConfig.safeParse({
      key: uniqueKey("rec"),
      ...texts,
      recipientClass: "FOREIGN_THIRD_PARTY",
      country: "",
      regimeNoteJa: "",
      regimeNoteEn: "",
      measuresJa: "",
      measuresEn: "",
      processorCategoryJa: "",
      processorCategoryEn: "",
      address: "",
      representative: "",
      noticeEmail: "privacy at adreach",
      noticeWebhookUrl: "http://adreach.example.com/notices",
      transferSafeguard: "",
      gpcOptOut: false,
    });
    expect(foreign.success).toBe(false);
    const paths = foreign.error?.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        "country:settingsDataMap.errors.countryRequired",
        "regimeNoteJa:validation.required",
        "measuresEn:validation.required",
        "noticeEmail:validation.email",
        // A webhook is https (plain http only on this machine).
        "noticeWebhookUrl:settingsDataMap.errors.endpoint",
      ]),
    );
    const input = ZRecipientConfig.parse({
      key: uniqueKey("rec"),
      ...texts,
      recipientClass: "FOREIGN_THIRD_PARTY",
      country: "us",
      regimeNoteJa: "制度",
      regimeNoteEn: "Regime",
      measuresJa: "措置",
      measuresEn: "Measures",
      processorCategoryJa: "無視される",
      processorCategoryEn: "Ignored",
      address: "1 Main St, Springfield, US",
      representative: "",
      noticeEmail: " Privacy@AdReach.example.com ",
      noticeWebhookUrl: "https://adreach.example.com/privacy/notices",
      transferSafeguard: "STANDARD_CLAUSES",
      // An advertising platform: a GPC signal stops provision to it.
      gpcOptOut: true,
    });
    const { id } = await mod.saveRecipient.saveRecipient({ actor: manager, input });
    const [row] = await mod.recipients.listRecipients({ actor: manager, id });
    expect(row).toMatchObject({
      gpcOptOut: true,
      country: "US",
      measuresEn: "Measures",
      processorCategoryEn: null,
      // The Art.29 record's address is kept; an empty representative is none.
      address: "1 Main St, Springfield, US",
      representative: null,
      // Onward notices (GDPR Art.19) go here.
      noticeEmail: "privacy@adreach.example.com",
      // Stated to a person in the EU or UK (GDPR Art.15(2)).
      transferSafeguard: "STANDARD_CLAUSES",
      noticeWebhookUrl: "https://adreach.example.com/privacy/notices",
      hasWebhookSecret: false,
    });

    // The webhook's signing secret: generated on demand, shown once, never listed or audited.
    const { secret } = await mod.rotateRecipient.rotateRecipientSecret({ actor: manager, id });
    expect(Buffer.from(secret, "base64url").length).toBe(32);
    const listed = await mod.recipients.listRecipients({ actor: manager, id });
    expect(listed[0]!.hasWebhookSecret).toBe(true);
    expect(JSON.stringify(listed)).not.toContain(secret);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: id, action: "config.recipient.rotate-secret" },
    });
    expect(JSON.stringify(audit.data)).not.toContain(secret);
    // Removing the webhook removes its secret; without a webhook none can be generated.
    await mod.saveRecipient.saveRecipient({
      actor: manager,
      input: { ...input, id, noticeWebhookUrl: "" },
    });
    const stored = await db.recipient.findUniqueOrThrow({
      where: { id },
      select: { noticeWebhookUrl: true, noticeWebhookSecret: true },
    });
    expect(stored).toEqual({ noticeWebhookUrl: null, noticeWebhookSecret: null });
    await expect(
      mod.rotateRecipient.rotateRecipientSecret({ actor: manager, id }),
    ).rejects.toMatchObject({ messageKey: "settingsDataMap.errors.noWebhook" });
  });

  it("rotates a secret, keeps the previous one and never lists either", async () => {
    const { id, key } = await mod.saveSystem.saveSystem({ actor: manager, input: httpSystem() });
    const first = await mod.rotate.rotateSystemSecret({ actor: manager, id });
    const second = await mod.rotate.rotateSystemSecret({ actor: manager, id });
    expect(Buffer.from(second.secret, "base64url").length).toBeGreaterThanOrEqual(32);
    expect(second.secret).not.toBe(first.secret);
    const row = await db.dataSystem.findUniqueOrThrow({
      where: { id },
      select: { secret: true, previousSecret: true, secretRotatedAt: true },
    });
    expect(row).toMatchObject({ secret: second.secret, previousSecret: first.secret });
    expect(row.secretRotatedAt).toBeInstanceOf(Date);

    const listed = JSON.stringify(await mod.systems.listSystems({ actor: manager }));
    expect(listed).not.toContain(first.secret);
    expect(listed).not.toContain(second.secret);
    expect(listed).toContain(`"key":"${key}"`);
    const audits = await db.auditEvent.findMany({
      where: { entityId: id, action: "config.system.rotate-secret" },
    });
    expect(audits).toHaveLength(2);
    for (const a of audits)
      expect(JSON.stringify(a.data)).not.toMatch(/secret":"|[A-Za-z0-9_-]{43}/);
  });

  it("accepts callbacks signed with the previous secret for 24 hours after a rotation", async () => {
    const { id, key } = await mod.saveSystem.saveSystem({ actor: manager, input: httpSystem() });
    const rotatedAt = new Date("2026-11-20T00:00:00Z");
    const old = await mod.rotate.rotateSystemSecret({ actor: manager, id, now: rotatedAt });
    const current = await mod.rotate.rotateSystemSecret({ actor: manager, id, now: rotatedAt });
    // A task that does not exist: a passing signature answers 404, a refused one 401.
    const body = JSON.stringify({ taskId: "no-such-task", status: "FAILED" });
    const call = (secret: string, hours: number) => {
      const now = new Date(rotatedAt.getTime() + hours * 3600_000);
      return mod.callback.handleConnectorCallback(db, {
        systemKey: key,
        headers: new Headers(signBody({ secret, body, now })),
        rawBody: body,
        now,
      });
    };
    const passed = { status: 404, body: { ok: false, error: "unknown_task" } };
    const refused = { status: 401, body: { ok: false, error: "mismatch" } };
    expect(await call(current.secret, 1)).toEqual(passed);
    expect(await call(old.secret, 1)).toEqual(passed);
    expect(await call(old.secret, 23.9)).toEqual(passed);
    expect(await call(old.secret, 24.1)).toEqual(refused);
    expect(await call(current.secret, 24.1)).toEqual(passed);
    expect(await call("someone-else's-secret", 1)).toEqual(refused);
  });

  it("refuses to rotate the secret of a system that is not HTTP", async () => {
    const input = ZSystemConfig.parse({
      key: uniqueKey("man"),
      ...texts,
      ...mail,
      connector: "MANUAL",
      endpoint: "",
      timeoutMs: "",
    });
    const { id } = await mod.saveSystem.saveSystem({ actor: manager, input });
    await expect(mod.rotate.rotateSystemSecret({ actor: manager, id })).rejects.toMatchObject({
      messageKey: "settingsDataMap.errors.notHttp",
    });
  });

  it("names a system's fields in both languages, lists unnamed ones first, and audits the change", async () => {
    const { id: systemId } = await mod.saveSystem.saveSystem({
      actor: manager,
      input: httpSystem(),
    });
    const cat = await mod.saveCategory.saveCategory({ actor: manager, input: category() });
    const subject = await db.subject.create({ data: { familyName: "項目", givenName: "名前" } });
    for (const field of ["memberNo", "memberNo", "nickName"])
      await db.personalDataItem.create({
        data: {
          subjectId: subject.id,
          systemId,
          categoryId: cat.id,
          field,
          value: "v",
          collectedAt: new Date(),
        },
      });
    await db.dataField.create({
      data: { systemId, key: "nickName", labelJa: "ニックネーム", labelEn: "Nickname" },
    });
    const listed = await mod.fields.listSystemFields({ actor: manager, systemId });
    expect(listed.map((f) => [f.key, f.labelJa, f.items])).toEqual([
      ["memberNo", "", 2],
      ["nickName", "ニックネーム", 1],
    ]);
    expect(await mod.fields.countUnnamedFields({ actor: manager })).toBeGreaterThanOrEqual(1);

    // One language only is refused by the shared schema, with the field's own error.
    const half = ZSystemFields.safeParse({
      systemId,
      fields: [{ key: "memberNo", labelJa: "会員番号", labelEn: "" }],
    });
    expect(half.success).toBe(false);
    expect(half.error?.issues[0]?.path).toEqual(["fields", 0, "labelEn"]);

    await mod.fields.saveSystemFields({
      actor: manager,
      input: ZSystemFields.parse({
        systemId,
        fields: [
          { key: "memberNo", labelJa: "会員番号", labelEn: "Member number" },
          // Emptied: the field goes back to showing its category's name.
          { key: "nickName", labelJa: "", labelEn: "" },
        ],
      }),
    });
    expect(
      await db.dataField.findMany({ where: { systemId }, select: { key: true, labelEn: true } }),
    ).toEqual([{ key: "memberNo", labelEn: "Member number" }]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: systemId, action: "config.system.set-fields" },
    });
    expect(audit.data).toMatchObject({ fields: 1, removed: 1 });
    await expect(
      mod.fields.saveSystemFields({ actor: staff, input: { systemId, fields: [] } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("asks why a purpose cannot be stopped, in both languages", () => {
    const fixed = {
      key: "fraud",
      ...texts,
      suspendable: false,
      gpcOptOut: false,
      sortOrder: "0",
    };
    const missing = ZPurposeConfig.safeParse({
      ...fixed,
      suspensionNoteJa: "法令上の義務",
      suspensionNoteEn: "",
    });
    expect(missing.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["suspensionNoteEn", "settingsDataMap.errors.suspensionNoteRequired"],
    ]);
    expect(
      ZPurposeConfig.safeParse({ ...fixed, suspensionNoteJa: "義務", suspensionNoteEn: "Duty" })
        .success,
    ).toBe(true);
  });
});
