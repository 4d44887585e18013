import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FulfilmentAction, RequestType } from "@/lib/generated/prisma/enums";
import { createTestDatabase } from "@/scripts/lib/test-database";

import type { TaskContext, TaskResult } from "../types";

// Integration: what each fulfilment action does to the portal's own records (INTERNAL
// connector), on PostgreSQL: the change, its audit event without values, the onward notices to
// the right recipients only, and a second run that changes nothing more.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let internal: typeof import("./index");
let preview: typeof import("@/lib/data/requests/preview-erasure");

const ids: Record<string, string> = {};
const DAY = 86_400_000;

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  db = (await import("@/lib/db")).getDb();
  internal = await import("./index");
  preview = await import("@/lib/data/requests/preview-erasure");
  for (const [key, connector] of [
    ["members", "INTERNAL"],
    ["points", "INTERNAL"],
    ["shop", "HTTP"],
  ] as const) {
    const s = await db.dataSystem.create({ data: { key, nameJa: key, nameEn: key, connector } });
    ids[`system:${key}`] = s.id;
  }
  for (const key of ["name", "address", "email", "payments", "points_balance"]) {
    const c = await db.dataCategory.create({ data: { key, nameJa: key, nameEn: key } });
    ids[`category:${key}`] = c.id;
  }
  for (const [key, suspendable] of [
    ["ads", true],
    ["fraud", false],
  ] as const) {
    const p = await db.purpose.create({ data: { key, nameJa: key, nameEn: key, suspendable } });
    ids[`purpose:${key}`] = p.id;
  }
  for (const [key, recipientClass] of [
    ["partner", "THIRD_PARTY"],
    ["group", "GROUP_COMPANY"],
    ["abroad", "FOREIGN_THIRD_PARTY"],
    ["stranger", "THIRD_PARTY"],
    ["hotel", "THIRD_PARTY"],
    ["police", "LAW_ENFORCEMENT"],
  ] as const) {
    const r = await db.recipient.create({
      data: {
        key,
        nameJa: key,
        nameEn: key,
        recipientClass,
        // Only the partner has a notice address: its notices are mailed by a job.
        noticeEmail: key === "partner" ? "privacy@partner.example.jp" : null,
      },
    });
    ids[`recipient:${key}`] = r.id;
  }
  await db.systemCategoryPurpose.createMany({
    data: ["name", "address", "email"].map((c) => ({
      systemId: ids["system:members"]!,
      categoryId: ids[`category:${c}`]!,
      purposeId: ids["purpose:ads"]!,
    })),
  });
});

afterAll(async () => {
  const { getBoss } = await import("@/lib/jobs/boss");
  await (await getBoss()).stop({ graceful: false }).catch(() => undefined);
  await db.$disconnect();
  await testDb.drop();
});

/** A subject with a portal account, their items and who received what from which system. */
async function subjectWith(
  items: {
    system: string;
    category: string;
    field: string;
    value: string;
    legalHoldReason?: string;
    legalHold?: boolean;
    retainUntil?: Date;
    erasedAt?: Date;
  }[],
) {
  const user = await db.user.create({
    data: { email: `${randomUUID()}@test.example.jp`, role: "SUBJECT" },
  });
  const subject = await db.subject.create({
    data: { userId: user.id, familyName: "試験", givenName: "花子" },
  });
  const rows = [];
  for (const i of items) {
    rows.push(
      await db.personalDataItem.create({
        data: {
          subjectId: subject.id,
          systemId: ids[`system:${i.system}`]!,
          categoryId: ids[`category:${i.category}`]!,
          field: i.field,
          value: i.value,
          collectedAt: new Date(Date.now() - 30 * DAY),
          legalHold: i.legalHold ?? !!i.legalHoldReason,
          legalHoldReason: i.legalHoldReason ?? null,
          retainUntil: i.retainUntil ?? null,
          erasedAt: i.erasedAt ?? null,
        },
      }),
    );
  }
  const provide = (recipient: string, categories: string[], system: string | null) =>
    db.provisionRecord.create({
      data: {
        subjectId: subject.id,
        recipientId: ids[`recipient:${recipient}`]!,
        purposeId: ids["purpose:ads"]!,
        sourceSystemId: system ? ids[`system:${system}`]! : null,
        providedAt: new Date(Date.now() - 10 * DAY),
        items: categories,
        legalBasis: "CONSENT",
        keepUntil: new Date(Date.now() + 900 * DAY),
      },
    });
  return {
    subjectId: subject.id,
    actor: {
      userId: user.id,
      role: "SUBJECT" as const,
      email: user.email,
      ip: null,
      passkeyAt: new Date(),
    },
    items: rows,
    provide,
  };
}

async function taskFor(options: {
  subjectId: string;
  type: RequestType;
  action: FulfilmentAction;
  details: object;
  system?: string;
  locale?: "ja" | "en";
}): Promise<TaskContext> {
  const system = options.system ?? "members";
  const request = await db.request.create({
    data: {
      reference: `R-2099-${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`,
      type: options.type,
      status: "IN_PROGRESS",
      subjectId: options.subjectId,
      details: options.details,
      dueAt: new Date(Date.now() + 10 * DAY),
      locale: options.locale ?? "ja",
    },
  });
  const task = await db.fulfilmentTask.create({
    data: { requestId: request.id, systemId: ids[`system:${system}`]!, action: options.action },
  });
  return {
    task: { id: task.id, action: task.action, attempts: 1 },
    request: {
      id: request.id,
      reference: request.reference,
      type: request.type,
      subjectId: request.subjectId,
      details: request.details,
    },
    system: { id: task.systemId, key: system, connector: "INTERNAL", config: {} },
  };
}

/** Runs the action in a transaction and stores the result on the task, as the engine does. */
async function run(ctx: TaskContext): Promise<TaskResult> {
  const result = await db.$transaction((tx) => internal.runInternalAction(tx, ctx));
  await db.fulfilmentTask.update({
    where: { id: ctx.task.id },
    data: { status: "SUCCEEDED", result: result as Prisma.InputJsonValue },
  });
  return result;
}

const audits = (requestId: string) =>
  db.auditEvent.findMany({ where: { requestId }, orderBy: { id: "asc" } });

/** kind:recipient:categories:mailed, where mailed says a delivery job is queued for it. */
const noticesOf = async (requestId: string) => {
  const notices = await db.recipientNotice.findMany({
    where: { requestId },
    select: { id: true, kind: true, items: true, recipient: { select: { key: true } } },
  });
  const jobs = await db.$queryRaw<{ noticeId: string }[]>`
    SELECT data->>'noticeId' AS "noticeId" FROM pgboss.job WHERE name = 'onward-notice'`;
  const queued = new Set(jobs.map((j) => j.noticeId));
  return notices
    .map(
      (n) =>
        `${n.kind}:${n.recipient.key}:${n.items.join("+")}:${queued.has(n.id) ? "mailed" : "by-hand"}`,
    )
    .sort();
};

describe("export", () => {
  it("counts this system's live items within the disclosure's scope, copying no values", async () => {
    const s = await subjectWith([
      { system: "members", category: "name", field: "氏名", value: "試験 花子" },
      { system: "members", category: "email", field: "メール", value: "a@example.jp" },
      {
        system: "members",
        category: "name",
        field: "旧姓",
        value: "旧",
        erasedAt: new Date(),
      },
      { system: "points", category: "name", field: "氏名", value: "試験" },
    ]);
    const all = await taskFor({
      subjectId: s.subjectId,
      type: "DISCLOSURE",
      action: "EXPORT",
      details: { scope: "ALL", categoryKeys: [], method: "JSON", postalAddress: "" },
    });
    expect(await run(all)).toEqual({ itemCount: 2 });
    const names = await taskFor({
      subjectId: s.subjectId,
      type: "DISCLOSURE",
      action: "EXPORT",
      details: { scope: "SELECTED", categoryKeys: ["name"], method: "JSON", postalAddress: "" },
    });
    expect(await run(names)).toEqual({ itemCount: 1 });
  });
});

describe("correction", () => {
  it("corrects, adds and deletes this system's items with before and after, and tells the recipients once", async () => {
    const s = await subjectWith([
      { system: "members", category: "address", field: "住所", value: "東京都港区1-1" },
      { system: "members", category: "email", field: "メール", value: "old@example.jp" },
      {
        system: "members",
        category: "payments",
        field: "領収書",
        value: "¥1,000",
        legalHoldReason: "法人税法による保存義務（7年）",
      },
      { system: "points", category: "address", field: "住所", value: "東京都港区1-1" },
    ]);
    const [address, email, receipt, pointsAddress] = s.items;
    await s.provide("partner", ["address", "email"], "members"); // got the corrected data
    await s.provide("police", ["address"], "members"); // law enforcement: never notified
    await s.provide("stranger", ["points_balance"], "members"); // never got the affected data
    await s.provide("hotel", ["address"], "shop"); // got it from another system
    await s.provide("group", ["name"], null); // no source system: told too (name was added)
    const ctx = await taskFor({
      subjectId: s.subjectId,
      type: "CORRECTION",
      action: "CORRECT",
      details: {
        reason: "転居したため",
        items: [
          {
            action: "CORRECT",
            categoryKey: "address",
            itemId: address!.id,
            field: "",
            correctedValue: "東京都港区2-2",
          },
          {
            action: "ADD",
            categoryKey: "name",
            itemId: "",
            field: "氏名",
            correctedValue: "試験 花子",
          },
          {
            action: "DELETE",
            categoryKey: "email",
            itemId: "",
            field: "メール",
            correctedValue: "",
          },
          {
            action: "DELETE",
            categoryKey: "payments",
            itemId: receipt!.id,
            field: "",
            correctedValue: "",
          },
          {
            action: "CORRECT",
            categoryKey: "address",
            itemId: pointsAddress!.id,
            field: "",
            correctedValue: "東京都港区3-3",
          },
        ],
      },
    });

    const first = await run(ctx);
    const added = await db.personalDataItem.findFirstOrThrow({
      where: { subjectId: s.subjectId, categoryId: ids["category:name"] },
    });
    expect(first.changes).toEqual([
      {
        ref: address!.id,
        field: "住所",
        categoryKey: "address",
        action: "CORRECT",
        before: "東京都港区1-1",
        after: "東京都港区2-2",
      },
      {
        ref: added.id,
        field: "氏名",
        categoryKey: "name",
        action: "ADD",
        before: null,
        after: "試験 花子",
      },
      {
        ref: email!.id,
        field: "メール",
        categoryKey: "email",
        action: "DELETE",
        before: null,
        after: null,
      },
    ]);
    expect(first.kept).toEqual([
      expect.objectContaining({
        ref: receipt!.id,
        reason: "法人税法による保存義務（7年）",
        reasonCode: "LEGAL_HOLD",
      }),
    ]);
    expect(added).toMatchObject({ systemId: ids["system:members"], value: "試験 花子" });
    const after = await db.personalDataItem.findMany({
      where: { id: { in: s.items.map((i) => i.id) } },
    });
    const byId = new Map(after.map((i) => [i.id, i]));
    expect(byId.get(address!.id)!.value).toBe("東京都港区2-2");
    expect(byId.get(email!.id)).toMatchObject({ value: "" });
    expect(byId.get(email!.id)!.erasedAt).not.toBeNull();
    expect(byId.get(receipt!.id)).toMatchObject({ value: "¥1,000", erasedAt: null });
    // Another system's item is that system's task.
    expect(byId.get(pointsAddress!.id)!.value).toBe("東京都港区1-1");

    // Recipients of the changed categories (address, email, name) from this system only.
    expect(await noticesOf(ctx.request.id)).toEqual([
      "CORRECTION:group:name:by-hand",
      "CORRECTION:partner:address+email:mailed",
    ]);
    expect(first.noticesSent).toBe(2);

    const rows = await audits(ctx.request.id);
    expect(rows.map((r) => r.action).sort()).toEqual([
      "personal-data.add",
      "personal-data.correct",
      "personal-data.delete",
      "recipient-notice.create",
      "recipient-notice.create",
    ]);
    const logged = JSON.stringify(rows.map((r) => r.data));
    for (const value of ["東京都港区", "old@example.jp", "試験 花子", "¥1,000", "法人税法"])
      expect(logged).not.toContain(value);

    // A retried task reports what it did and does nothing twice.
    const second = await run(ctx);
    expect(second.changes).toEqual(first.changes!.map((c) => ({ ...c, alreadyApplied: true })));
    expect(second.kept).toEqual(first.kept);
    expect(second.noticesSent).toBe(2);
    expect(await audits(ctx.request.id)).toHaveLength(rows.length);
    expect(
      await db.personalDataItem.count({
        where: { subjectId: s.subjectId, categoryId: ids["category:name"] },
      }),
    ).toBe(1);
    expect(await db.recipientNotice.count({ where: { requestId: ctx.request.id } })).toBe(2);
  });

  it("reports a correction already in place without writing it again", async () => {
    const s = await subjectWith([
      { system: "members", category: "address", field: "住所", value: "大阪府大阪市1-1" },
    ]);
    const ctx = await taskFor({
      subjectId: s.subjectId,
      type: "CORRECTION",
      action: "CORRECT",
      details: {
        reason: "x",
        items: [
          {
            action: "CORRECT",
            categoryKey: "address",
            itemId: s.items[0]!.id,
            field: "",
            correctedValue: "大阪府大阪市1-1",
          },
        ],
      },
    });
    const result = await run(ctx);
    expect(result.changes).toEqual([
      expect.objectContaining({ action: "CORRECT", alreadyApplied: true }),
    ]);
    expect(await audits(ctx.request.id)).toHaveLength(0);
  });
});

describe("erasure", () => {
  it("erases the scope except what the law keeps, as the preview said, and records the restriction", async () => {
    const until = new Date(Date.now() + 400 * DAY);
    const s = await subjectWith([
      { system: "members", category: "name", field: "氏名", value: "消去 太郎" },
      { system: "members", category: "address", field: "住所", value: "札幌市1-1" },
      {
        system: "members",
        category: "payments",
        field: "領収書",
        value: "¥2,000",
        legalHoldReason: "法人税法による保存義務（7年）",
      },
      {
        system: "members",
        category: "payments",
        field: "請求書",
        value: "¥3,000",
        retainUntil: until,
      },
      {
        system: "members",
        category: "payments",
        field: "古い請求書",
        value: "¥4,000",
        retainUntil: new Date(Date.now() - DAY),
      },
      { system: "members", category: "email", field: "メール", value: "keep@example.jp" },
      { system: "points", category: "name", field: "氏名", value: "消去 太郎" },
    ]);
    const [name, address, held, retained, expired, email, pointsName] = s.items;
    await s.provide("partner", ["name"], "members");
    await s.provide("abroad", ["payments"], null);
    await s.provide("group", ["email"], "members"); // email is outside the scope
    await s.provide("police", ["name"], "members");
    const details = {
      action: "ERASE",
      purposeKeys: [],
      erasureScope: "SELECTED",
      categoryKeys: ["name", "address", "payments"],
      ground: "NO_LONGER_NEEDED",
      groundText: "",
      previewConfirmed: true,
    };
    const promised = await preview.previewErasure({
      actor: s.actor,
      erasureScope: "SELECTED",
      categoryKeys: ["name", "address", "payments"],
    });
    const ctx = await taskFor({
      subjectId: s.subjectId,
      type: "SUSPENSION_ERASURE",
      action: "ERASE",
      details,
      locale: "en",
    });

    const first = await run(ctx);
    expect(first.erased).toBe(3);
    expect(first.restrictions).toBe(1);
    expect(first.kept).toEqual([
      {
        ref: held!.id,
        field: "領収書",
        categoryKey: "payments",
        reason: "法人税法による保存義務（7年）",
        reasonCode: "LEGAL_HOLD",
      },
      {
        ref: retained!.id,
        field: "請求書",
        categoryKey: "payments",
        reason: expect.stringContaining("retention duty applies until"),
        reasonCode: "RETENTION",
        retainUntil: until.toISOString(),
      },
    ]);
    // The same items the preview told the person would be kept (this system holds them all).
    expect(promised.kept.map((k) => k.id).sort()).toEqual(first.kept!.map((k) => k.ref).sort());

    const rows = await db.personalDataItem.findMany({
      where: { subjectId: s.subjectId },
      select: { id: true, value: true, erasedAt: true },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const gone of [name!, address!, expired!]) {
      expect(byId.get(gone.id)!.value).toBe("");
      expect(byId.get(gone.id)!.erasedAt).not.toBeNull();
    }
    for (const stays of [held!, retained!, email!, pointsName!])
      expect(byId.get(stays.id)!.erasedAt).toBeNull();
    expect(byId.get(pointsName!.id)!.value).toBe("消去 太郎");

    const restrictions = await db.useRestriction.findMany({ where: { requestId: ctx.request.id } });
    expect(restrictions.map((r) => r.kind)).toEqual(["ERASURE"]);
    // Erased categories reached partner (name) and abroad (payments, unattributed) — not the
    // group company (email was not erased) nor the police.
    expect(await noticesOf(ctx.request.id)).toEqual([
      "ERASURE:abroad:payments:by-hand",
      "ERASURE:partner:name:mailed",
    ]);

    const logged = await audits(ctx.request.id);
    expect(logged.filter((r) => r.action === "personal-data.erase")).toHaveLength(3);
    const text = JSON.stringify(logged.map((r) => r.data));
    for (const value of ["消去 太郎", "札幌市", "¥", "法人税法"]) expect(text).not.toContain(value);

    const second = await run(ctx);
    expect(second).toEqual(first);
    expect(await audits(ctx.request.id)).toHaveLength(logged.length);
    expect(await db.useRestriction.count({ where: { requestId: ctx.request.id } })).toBe(1);
  });
});

describe("suspension of use", () => {
  it("restricts suspendable purposes once and reports those the law requires", async () => {
    const s = await subjectWith([]);
    const ctx = await taskFor({
      subjectId: s.subjectId,
      type: "SUSPENSION_ERASURE",
      action: "RESTRICT",
      details: {
        action: "SUSPEND",
        purposeKeys: ["ads", "fraud"],
        erasureScope: "ALL",
        categoryKeys: [],
        ground: "NO_LONGER_NEEDED",
        groundText: "",
        previewConfirmed: false,
      },
    });
    const first = await run(ctx);
    expect(first.restrictions).toBe(1);
    expect(first.kept).toEqual([
      expect.objectContaining({ ref: "purpose:fraud", reasonCode: "NOT_SUSPENDABLE" }),
    ]);
    const rows = await db.useRestriction.findMany({ where: { requestId: ctx.request.id } });
    expect(rows.map((r) => [r.kind, r.purposeId])).toEqual([["PURPOSE", ids["purpose:ads"]]]);
    expect(await run(ctx)).toEqual(first);
    expect(await db.useRestriction.count({ where: { requestId: ctx.request.id } })).toBe(1);
    expect(
      (await audits(ctx.request.id)).map((r) => [r.action, (r.data as { kind: string }).kind]),
    ).toEqual([["use-restriction.create", "PURPOSE"]]);
  });
});

describe("stop of provision", () => {
  it("restricts the named recipients and classes and tells the stopped ones that had the data", async () => {
    const s = await subjectWith([]);
    await s.provide("partner", ["name"], "members");
    await s.provide("abroad", ["email"], "members");
    await s.provide("group", ["name"], "members"); // not stopped
    await s.provide("hotel", ["name"], "shop"); // stopped, but from another system
    const ctx = await taskFor({
      subjectId: s.subjectId,
      type: "STOP_PROVISION",
      action: "STOP_PROVISION",
      details: { recipientKeys: ["partner", "hotel"], recipientClasses: ["FOREIGN_THIRD_PARTY"] },
    });
    const first = await run(ctx);
    expect(first).toEqual({ restrictions: 3, noticesSent: 2 });
    const rows = await db.useRestriction.findMany({
      where: { requestId: ctx.request.id },
      select: { kind: true, recipientId: true, recipientClass: true },
    });
    expect(rows).toEqual(
      expect.arrayContaining([
        { kind: "RECIPIENT", recipientId: ids["recipient:partner"], recipientClass: null },
        { kind: "RECIPIENT", recipientId: ids["recipient:hotel"], recipientClass: null },
        { kind: "RECIPIENT_CLASS", recipientId: null, recipientClass: "FOREIGN_THIRD_PARTY" },
      ]),
    );
    expect(await noticesOf(ctx.request.id)).toEqual([
      "STOP_PROVISION:abroad::by-hand",
      "STOP_PROVISION:partner::mailed",
    ]);
    expect(await run(ctx)).toEqual(first);
    expect(await db.useRestriction.count({ where: { requestId: ctx.request.id } })).toBe(3);
    expect(await db.recipientNotice.count({ where: { requestId: ctx.request.id } })).toBe(2);
  });
});
