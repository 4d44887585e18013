import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import {
  ZDeadlinePolicyUpdate,
  ZAuthority,
  ZFees,
  ZTemplateSave,
  type TDeadlineOverrideCreate,
} from "@/lib/validation/policies-config";
import type { TNewRequest } from "@/lib/validation/requests";
import { deadlinePolicies } from "@/prisma/seed/organisation";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: deadline policies, fees and message templates as managers configure them, against
// a real PostgreSQL database; and a request filed afterwards following the new rule.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let mod: {
  update: typeof import("./update-deadline-policy");
  add: typeof import("./add-deadline-override");
  remove: typeof import("./remove-deadline-override");
  list: typeof import("./list-deadline-policies");
  fees: typeof import("./update-fees") & typeof import("./get-fees");
  authorities: typeof import("./authorities");
  templates: typeof import("@/lib/data/templates/save-template") &
    typeof import("@/lib/data/templates/list-template-texts") &
    typeof import("@/lib/data/templates/list-templates");
  create: typeof import("@/lib/data/requests/create-request");
  audit: typeof import("@/lib/audit/verify");
  boss: typeof import("@/lib/jobs/boss");
};

async function person(role: Actor["role"], withSubject = false): Promise<Actor> {
  const user = await db.user.create({ data: { email: `${randomUUID()}@test.example.jp`, role } });
  if (withSubject)
    await db.subject.create({
      data: { userId: user.id, familyName: "試験", givenName: "花子", email: user.email },
    });
  return { userId: user.id, role, email: user.email, ip: "127.0.0.1", passkeyAt: new Date() };
}

async function baseRow(jurisdiction: "JP" | "EU") {
  return db.deadlinePolicy.findFirstOrThrow({ where: { jurisdiction, requestType: null } });
}

const valuesOf = (row: Awaited<ReturnType<typeof baseRow>>) => ({
  amount: row.amount,
  unit: row.unit,
  extensionAmount: row.extensionAmount,
  extensionUnit: row.extensionUnit,
  ackAmount: row.ackAmount,
  ackUnit: row.ackUnit,
  pauseAllowed: row.pauseAllowed,
  noteJa: row.noteJa,
  noteEn: row.noteEn,
});

const override = (over: Partial<TDeadlineOverrideCreate> = {}): TDeadlineOverrideCreate => ({
  jurisdiction: "EU",
  requestType: "CORRECTION",
  amount: 20,
  unit: "CALENDAR_DAYS",
  extensionAmount: null,
  extensionUnit: null,
  ackAmount: null,
  ackUnit: null,
  pauseAllowed: false,
  noteJa: "",
  noteEn: "",
  ...over,
});

const nobody = {
  familyName: "",
  givenName: "",
  familyNameKana: "",
  givenNameKana: "",
  birthDate: "",
};
const newRequest = (): TNewRequest => ({
  type: "DISCLOSURE",
  idempotencyKey: randomUUID(),
  filerRole: "SELF",
  residence: { country: "JP" as const, region: "" },
  subject: { ...nobody, relationship: "" },
  requester: { ...nobody, familyName: "試験", givenName: "花子" },
  note: "",
  details: { scope: "ALL", categoryKeys: [], method: "JSON", postalAddress: "" },
});

async function audits(action: string, entityId: string) {
  return db.auditEvent.findMany({ where: { action, entityId } });
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  mod = {
    update: await import("./update-deadline-policy"),
    add: await import("./add-deadline-override"),
    remove: await import("./remove-deadline-override"),
    list: await import("./list-deadline-policies"),
    fees: { ...(await import("./update-fees")), ...(await import("./get-fees")) },
    authorities: await import("./authorities"),
    templates: {
      ...(await import("@/lib/data/templates/save-template")),
      ...(await import("@/lib/data/templates/list-template-texts")),
      ...(await import("@/lib/data/templates/list-templates")),
    },
    create: await import("@/lib/data/requests/create-request"),
    audit: await import("@/lib/audit/verify"),
    boss: await import("@/lib/jobs/boss"),
  };
  await db.organisation.create({ data: { nameJa: "試験株式会社", nameEn: "Test Ltd." } });
  await db.deadlinePolicy.createMany({ data: [...deadlinePolicies] });
});

afterAll(async () => {
  await (await mod.boss.getBoss()).stop({ graceful: false });
  await db.$disconnect();
  await testDb.drop();
});

describe("deadline policies", () => {
  it("refuses STAFF and SUBJECT for reading and every write", async () => {
    const eu = await baseRow("EU");
    for (const role of ["STAFF", "SUBJECT"] as const) {
      const actor = await person(role);
      await expect(mod.list.listDeadlinePolicies({ actor })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(
        mod.update.updateDeadlinePolicy({ actor, id: eu.id, values: valuesOf(eu) }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(mod.add.addDeadlineOverride({ actor, input: override() })).rejects.toMatchObject(
        { code: "FORBIDDEN" },
      );
      await expect(mod.remove.removeDeadlineOverride({ actor, id: eu.id })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    expect((await baseRow("EU")).updatedAt).toEqual(eu.updatedAt);
  });

  it("turns a validatePolicy refusal into a field error, in the schema and on the server", async () => {
    const manager = await person("MANAGER");
    const eu = await baseRow("EU");
    // Beyond GDPR's month, and zero (a deadline on the day of receipt).
    const parsed = ZDeadlinePolicyUpdate.safeParse({
      ...valuesOf(eu),
      id: eu.id,
      jurisdiction: "EU",
      amount: "2",
    });
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ["amount"],
      message: "deadlines.policy.beyondLegalMaximum",
    });
    await expect(
      mod.update.updateDeadlinePolicy({
        actor: manager,
        id: eu.id,
        values: { ...valuesOf(eu), amount: 0 },
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { amount: "deadlines.policy.amountPositive" },
    });
    // The stored jurisdiction is judged, not the one a form claims: JP has no extension in law.
    const jp = await baseRow("JP");
    await expect(
      mod.update.updateDeadlinePolicy({
        actor: manager,
        id: jp.id,
        values: { ...valuesOf(jp), extensionAmount: 1, extensionUnit: "MONTHS" },
      }),
    ).rejects.toMatchObject({
      fieldErrors: { extensionAmount: "deadlines.policy.noExtensionInLaw" },
    });
    expect((await baseRow("EU")).amount).toBe(1);
    expect(await audits("config.deadline-policy.update", eu.id)).toHaveLength(0);
  });

  it("saves a change with an audit event of amounts only; old requests keep their due date, new ones follow it", async () => {
    const manager = await person("MANAGER");
    const subject = await person("SUBJECT", true);
    const before = await mod.create.createRequest({
      actor: subject,
      input: newRequest(),
      locale: "ja",
    });
    const oldDue = (await db.request.findUniqueOrThrow({ where: { reference: before.reference } }))
      .dueAt;

    const jp = await baseRow("JP");
    await mod.update.updateDeadlinePolicy({
      actor: manager,
      id: jp.id,
      values: { ...valuesOf(jp), amount: 5, noteEn: "Five days" },
    });
    const [event] = await audits("config.deadline-policy.update", jp.id);
    expect(event?.actorId).toBe(manager.userId);
    expect(event?.data).toMatchObject({ jurisdiction: "JP", fromAmount: 10, amount: 5 });
    expect(JSON.stringify(event?.data)).not.toContain("Five days");

    const old = await db.request.findUniqueOrThrow({ where: { reference: before.reference } });
    expect(old.dueAt).toEqual(oldDue);
    const after = await mod.create.createRequest({
      actor: subject,
      input: newRequest(),
      locale: "ja",
    });
    const fresh = await db.request.findUniqueOrThrow({ where: { reference: after.reference } });
    const days = (fresh.dueAt.getTime() - fresh.receivedAt.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(4);
    expect(days).toBeLessThanOrEqual(6);
    expect((await mod.audit.verifyAuditChain(db)).ok).toBe(true);
  });

  it("adds a per-type override that new requests of that type follow, and removes it again", async () => {
    const admin = await person("ADMIN");
    const subject = await person("SUBJECT", true);
    const { id } = await mod.add.addDeadlineOverride({
      actor: admin,
      input: override({ jurisdiction: "JP", requestType: "DISCLOSURE", amount: 3 }),
    });
    expect(await audits("config.deadline-policy.create", id)).toHaveLength(1);
    await expect(
      mod.add.addDeadlineOverride({
        actor: admin,
        input: override({ jurisdiction: "JP", requestType: "DISCLOSURE", amount: 4 }),
      }),
    ).rejects.toMatchObject({
      fieldErrors: { requestType: "settingsPolicies.errors.overrideExists" },
    });
    await db.deadlinePolicy.deleteMany({ where: { jurisdiction: "BR" } });
    await expect(
      mod.add.addDeadlineOverride({
        actor: admin,
        input: override({ jurisdiction: "BR", amount: 10 }),
      }),
    ).rejects.toMatchObject({ fieldErrors: { jurisdiction: "settingsPolicies.errors.noBase" } });

    const listed = await mod.list.listDeadlinePolicies({ actor: admin });
    const jpRows = listed.filter((r) => r.jurisdiction === "JP");
    expect(jpRows.map((r) => r.requestType)).toEqual([null, "DISCLOSURE"]);

    const filed = await mod.create.createRequest({
      actor: subject,
      input: newRequest(),
      locale: "ja",
    });
    const request = await db.request.findUniqueOrThrow({ where: { reference: filed.reference } });
    const days = (request.dueAt.getTime() - request.receivedAt.getTime()) / 86_400_000;
    expect(days).toBeLessThanOrEqual(4);

    await mod.remove.removeDeadlineOverride({ actor: admin, id });
    expect(await db.deadlinePolicy.findUnique({ where: { id } })).toBeNull();
    expect(await audits("config.deadline-policy.delete", id)).toHaveLength(1);
  });

  it("never removes a jurisdiction's base row", async () => {
    const manager = await person("MANAGER");
    const eu = await baseRow("EU");
    await expect(
      mod.remove.removeDeadlineOverride({ actor: manager, id: eu.id }),
    ).rejects.toMatchObject({ messageKey: "settingsPolicies.errors.baseNotRemovable" });
    expect(await db.deadlinePolicy.findUnique({ where: { id: eu.id } })).not.toBeNull();
  });
});

describe("fees", () => {
  it("saves both fees with an audit event; STAFF is refused; the schema bounds them", async () => {
    const manager = await person("MANAGER");
    const staff = await person("STAFF");
    const input = { disclosureFeeYen: 1000, purposeNotificationFeeYen: 300 };
    await expect(mod.fees.updateFees({ actor: staff, input })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await mod.fees.updateFees({ actor: manager, input });
    expect(await mod.fees.getFees({ actor: manager })).toEqual(input);
    const [event] = await audits("config.fees.update", "org");
    expect(event?.data).toMatchObject({ fromDisclosureFeeYen: 0, disclosureFeeYen: 1000 });

    expect(ZFees.safeParse({ ...input, disclosureFeeYen: "-1" }).error?.issues[0]?.message).toBe(
      "settingsPolicies.errors.number",
    );
    expect(
      ZFees.safeParse({ ...input, disclosureFeeYen: "1000000" }).error?.issues[0]?.message,
    ).toBe("settingsPolicies.errors.feeTooLarge");
    expect(ZFees.parse({ disclosureFeeYen: "0", purposeNotificationFeeYen: "500" })).toEqual({
      disclosureFeeYen: 0,
      purposeNotificationFeeYen: 500,
    });
  });
});

describe("supervisory authorities", () => {
  it("lists the authorities the migration loads, corrects one with step-up and audit; STAFF is refused", async () => {
    const manager = await person("MANAGER");
    const staff = await person("STAFF");
    const rows = await mod.authorities.listAuthorities({ actor: manager });
    expect(rows.map((r) => r.key)).toEqual(
      expect.arrayContaining(["JP", "EU", "EU-FR", "UK", "US_CA", "KR", "BR"]),
    );
    const { jurisdiction: _, ...ico } = rows.find((r) => r.key === "UK")!;
    const input = { ...ico, contactEn: "Helpline 0303 123 1113 (Mon-Fri)" };
    await expect(mod.authorities.updateAuthority({ actor: staff, input })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      mod.authorities.updateAuthority({ actor: { ...manager, passkeyAt: null }, input }),
    ).rejects.toMatchObject({ code: "STEP_UP_REQUIRED" });
    await mod.authorities.updateAuthority({ actor: manager, input });
    const saved = await db.supervisoryAuthority.findUniqueOrThrow({ where: { key: "UK" } });
    expect(saved.contactEn).toBe("Helpline 0303 123 1113 (Mon-Fri)");
    const [event] = await audits("config.authority.update", "UK");
    expect(event?.data).toMatchObject({ contactChanged: true, url: ico.url });
    await expect(
      mod.authorities.updateAuthority({ actor: manager, input: { ...input, key: "EU-XX" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Only https addresses; the key is one the migration could have made.
    expect(
      ZAuthority.safeParse({ ...input, url: "http://ico.org.uk/" }).error?.issues[0]?.message,
    ).toBe("settingsPolicies.authorities.httpsOnly");
    expect(ZAuthority.safeParse({ ...input, key: "FR" }).success).toBe(false);
  });
});

describe("message templates", () => {
  it("creates a missing language version, edits it, and staff messages use it filled in", async () => {
    const manager = await person("MANAGER");
    const staff = await person("STAFF");
    const texts = await mod.templates.listTemplateTexts({ actor: manager });
    const ack = texts.find((t) => t.key === "acknowledgement" && t.locale === "en");
    expect(ack).toMatchObject({ own: false, required: ["reference", "name", "dueDate"] });

    const input = ZTemplateSave.parse({
      key: "acknowledgement",
      locale: "en",
      subject: "[{reference}] Received",
      body: "Dear {name}, we answer by {dueDate}.",
    });
    const { id } = await mod.templates.saveTemplate({ actor: manager, input });
    await mod.templates.saveTemplate({
      actor: manager,
      input: { ...input, subject: "{reference}: received" },
    });
    const events = await audits("config.template.update", id);
    expect(events.map((e) => e.data)).toEqual([
      { key: "acknowledgement", locale: "en", created: true },
      { key: "acknowledgement", locale: "en", created: false },
    ]);
    const listed = await mod.templates.listTemplateTexts({ actor: manager });
    expect(listed.find((t) => t.key === "acknowledgement" && t.locale === "en")).toMatchObject({
      own: true,
      subject: "{reference}: received",
    });

    // The staff message panel fills the organisation's own wording in.
    const subject = await person("SUBJECT", true);
    const filed = await mod.create.createRequest({
      actor: subject,
      input: newRequest(),
      locale: "en",
    });
    const { templates } = await mod.templates.listTemplates({
      actor: staff,
      reference: filed.reference,
    });
    const filled = templates.find((t) => t.key === "acknowledgement");
    expect(filled?.subject).toBe(`${filed.reference}: received`);
    expect(filled?.body).toMatch(/^Dear 試験 花子, we answer by .+\.$/);
    expect(filled?.body).not.toContain("{");
  });

  it("refuses unknown or broken placeholders, dropped ones, and STAFF", async () => {
    const manager = await person("MANAGER");
    const staff = await person("STAFF");
    const base = { key: "refusal", locale: "ja", subject: "【{reference}】", body: "{name} 様" };
    const unknown = ZTemplateSave.safeParse({ ...base, body: "{name} 様 {fee}" });
    expect(unknown.error?.issues[0]).toMatchObject({
      path: ["body"],
      message: "settingsPolicies.errors.unknownPlaceholder",
    });
    const broken = ZTemplateSave.safeParse({ ...base, subject: "【{reference】" });
    expect(broken.error?.issues[0]?.message).toBe("settingsPolicies.errors.brokenPlaceholder");
    await expect(
      mod.templates.saveTemplate({
        actor: manager,
        input: ZTemplateSave.parse({ ...base, body: "様" }),
      }),
    ).rejects.toMatchObject({
      fieldErrors: { body: "settingsPolicies.errors.missingPlaceholder" },
    });
    await expect(
      mod.templates.saveTemplate({ actor: staff, input: ZTemplateSave.parse(base) }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.messageTemplate.count({ where: { key: "refusal" } })).toBe(0);
  });
});
