import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import type { TNewRequest } from "@/lib/validation/requests";
import { ZNewRequest } from "@/lib/validation/requests";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: the six request types and agent filing through the data layer, on PostgreSQL.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let create: typeof import("./create-request");
let preview: typeof import("./preview-erasure");
let boss: typeof import("@/lib/jobs/boss");

const nobody = {
  familyName: "",
  givenName: "",
  familyNameKana: "",
  givenNameKana: "",
  birthDate: "",
};
const base = {
  filerRole: "SELF" as const,
  residence: { country: "JP" as const, region: "" },
  subject: { ...nobody, relationship: "" as const },
  requester: { ...nobody, familyName: "試験", givenName: "花子" },
  note: "",
};
const file = (actor: Actor, input: Omit<TNewRequest, "idempotencyKey">) =>
  create.createRequest({
    actor,
    input: { ...input, idempotencyKey: randomUUID() } as TNewRequest,
    locale: "ja",
  });

async function subjectActor(): Promise<Actor & { subjectId: string }> {
  const user = await db.user.create({
    data: { email: `${randomUUID()}@test.example.jp`, role: "SUBJECT" },
  });
  const subject = await db.subject.create({
    data: { userId: user.id, familyName: "試験", givenName: "花子" },
  });
  return {
    userId: user.id,
    role: "SUBJECT",
    email: user.email,
    ip: null,
    passkeyAt: new Date(),
    subjectId: subject.id,
  };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  db = (await import("@/lib/db")).getDb();
  create = await import("./create-request");
  preview = await import("./preview-erasure");
  boss = await import("@/lib/jobs/boss");
  await db.dataSystem.create({ data: { key: "shop", nameJa: "通販", nameEn: "Shop" } });
  await db.dataCategory.createMany({
    data: [
      { key: "name", nameJa: "氏名", nameEn: "Name" },
      { key: "payments", nameJa: "決済", nameEn: "Payments" },
    ],
  });
  await db.purpose.createMany({
    data: [
      { key: "ads", nameJa: "広告", nameEn: "Ads", suspendable: true },
      { key: "fraud", nameJa: "不正防止", nameEn: "Fraud", suspendable: false },
    ],
  });
  await db.recipient.createMany({
    data: [
      { key: "partner", nameJa: "提携先", nameEn: "Partner", recipientClass: "THIRD_PARTY" },
      { key: "police", nameJa: "警察", nameEn: "Police", recipientClass: "LAW_ENFORCEMENT" },
    ],
  });
});

afterAll(async () => {
  await (await boss.getBoss()).stop({ graceful: false });
  await db.$disconnect();
  await testDb.drop();
});

describe("request types", () => {
  it("files each of the six types with its own details", async () => {
    const actor = await subjectActor();
    const inputs: Omit<TNewRequest, "idempotencyKey">[] = [
      {
        ...base,
        type: "DISCLOSURE",
        details: { scope: "SELECTED", categoryKeys: ["name"], method: "CSV", postalAddress: "" },
      },
      {
        ...base,
        type: "PROVISION_RECORDS",
        details: {
          recipientKeys: ["partner"],
          from: "2025-01-01",
          to: "",
          method: "JSON",
          postalAddress: "",
        },
      },
      { ...base, type: "PURPOSE_NOTIFICATION", details: { method: "EMAIL", postalAddress: "" } },
      {
        ...base,
        type: "CORRECTION",
        details: {
          items: [
            {
              action: "CORRECT",
              categoryKey: "name",
              itemId: "",
              field: "氏名",
              correctedValue: "佐藤",
            },
          ],
          reason: "改姓",
        },
      },
      {
        ...base,
        type: "SUSPENSION_ERASURE",
        details: {
          action: "SUSPEND",
          purposeKeys: ["ads"],
          erasureScope: "ALL",
          categoryKeys: [],
          ground: "NO_LONGER_NEEDED",
          groundText: "",
          previewConfirmed: false,
        },
      },
      {
        ...base,
        type: "STOP_PROVISION",
        details: {
          recipientKeys: ["partner"],
          recipientClasses: ["FOREIGN_THIRD_PARTY"],
          ground: "PROVIDED_WITHOUT_CONSENT",
          groundText: "",
        },
      },
    ];
    for (const input of inputs)
      expect(
        ZNewRequest.safeParse({ ...input, idempotencyKey: randomUUID() }).success,
        input.type,
      ).toBe(true);
    const refs = await Promise.all(inputs.map((i) => file(actor, i)));
    const rows = await db.request.findMany({
      where: { reference: { in: refs.map((r) => r.reference) } },
      select: { type: true, details: true, subjectId: true },
    });
    expect(rows.map((r) => r.type).sort()).toEqual([
      "CORRECTION",
      "DISCLOSURE",
      "PROVISION_RECORDS",
      "PURPOSE_NOTIFICATION",
      "STOP_PROVISION",
      "SUSPENSION_ERASURE",
    ]);
    expect(rows.every((r) => r.subjectId === actor.subjectId)).toBe(true);
    const stop = rows.find((r) => r.type === "STOP_PROVISION")!.details as {
      recipientClasses: string[];
      ground: string;
    };
    expect(stop.recipientClasses).toEqual(["FOREIGN_THIRD_PARTY"]);
    // APPI Art.35(3): the ground is recorded like an erasure's.
    expect(stop.ground).toBe("PROVIDED_WITHOUT_CONSENT");
    const other = ZNewRequest.safeParse({
      ...inputs.at(-1)!,
      idempotencyKey: randomUUID(),
      details: {
        recipientKeys: ["partner"],
        recipientClasses: [],
        ground: "OTHER",
        groundText: "",
      },
    });
    expect(other.error?.issues.map((i) => `${i.path.join(".")}:${i.message}`)).toEqual([
      "details.groundText:validation.required",
    ]);
  });

  it("refuses keys that name nothing real, purposes that cannot stop, and others' items", async () => {
    const actor = await subjectActor();
    const other = await subjectActor();
    const theirItem = await db.personalDataItem.create({
      data: {
        subjectId: other.subjectId,
        systemId: (await db.dataSystem.findUniqueOrThrow({ where: { key: "shop" } })).id,
        categoryId: (await db.dataCategory.findUniqueOrThrow({ where: { key: "name" } })).id,
        field: "氏名",
        value: "他人",
        collectedAt: new Date(),
      },
    });
    const suspend = (purposeKeys: string[]) => ({
      ...base,
      type: "SUSPENSION_ERASURE" as const,
      details: {
        action: "SUSPEND" as const,
        purposeKeys,
        erasureScope: "ALL" as const,
        categoryKeys: [],
        ground: "OTHER" as const,
        groundText: "x",
        previewConfirmed: false,
      },
    });
    await expect(file(actor, suspend(["fraud"]))).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { "details.purposeKeys": "validation.notSuspendable" },
    });
    await expect(
      file(actor, {
        ...base,
        type: "STOP_PROVISION",
        details: {
          recipientKeys: ["police"],
          recipientClasses: [],
          ground: "NO_LONGER_NEEDED",
          groundText: "",
        },
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(
      file(actor, {
        ...base,
        type: "CORRECTION",
        details: {
          items: [
            {
              action: "DELETE",
              categoryKey: "name",
              itemId: theirItem.id,
              field: "",
              correctedValue: "",
            },
          ],
          reason: "x",
        },
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { "details.items": "validation.invalid" },
    });
    expect(await db.request.count({ where: { filedById: actor.userId } })).toBe(0);
  });

  it("files for someone else as an agent, about a new unlinked subject, recording the authority", async () => {
    const agent = await subjectActor();
    const { reference } = await file(agent, {
      ...base,
      filerRole: "LEGAL_REPRESENTATIVE",
      subject: {
        familyName: "試験",
        givenName: "こども",
        familyNameKana: "シケン",
        givenNameKana: "コドモ",
        birthDate: "2015-04-01",
        relationship: "PARENT_OF_MINOR",
      },
      type: "DISCLOSURE",
      details: { scope: "ALL", categoryKeys: [], method: "JSON", postalAddress: "" },
    });
    const request = await db.request.findUniqueOrThrow({
      where: { reference },
      include: { subject: true },
    });
    expect(request.filerRole).toBe("LEGAL_REPRESENTATIVE");
    expect(request.subjectId).not.toBe(agent.subjectId);
    expect(request.subject.userId).toBeNull();
    expect(request.subject.givenName).toBe("こども");
    expect(request.agentDetails).toMatchObject({
      relationship: "PARENT_OF_MINOR",
      agent: { givenName: "花子" },
    });
  });

  it("previews an erasure: what it reaches and what the law keeps", async () => {
    const actor = await subjectActor();
    const systemId = (await db.dataSystem.findUniqueOrThrow({ where: { key: "shop" } })).id;
    const cat = async (key: string) =>
      (await db.dataCategory.findUniqueOrThrow({ where: { key } })).id;
    await db.personalDataItem.createMany({
      data: [
        {
          subjectId: actor.subjectId,
          systemId,
          categoryId: await cat("name"),
          field: "氏名",
          value: "試験",
          collectedAt: new Date(),
        },
        {
          subjectId: actor.subjectId,
          systemId,
          categoryId: await cat("payments"),
          field: "領収書",
          value: "¥1,000",
          collectedAt: new Date(),
          legalHold: true,
          legalHoldReason: "法人税法による保存義務（7年）",
        },
      ],
    });
    const all = await preview.previewErasure({ actor, erasureScope: "ALL", categoryKeys: [] });
    expect(all).toMatchObject({ known: true, total: 2 });
    expect(all.kept.map((k) => k.legalHoldReason)).toEqual(["法人税法による保存義務（7年）"]);
    const names = await preview.previewErasure({
      actor,
      erasureScope: "SELECTED",
      categoryKeys: ["name"],
    });
    expect(names).toMatchObject({ total: 1, kept: [] });
  });
});
