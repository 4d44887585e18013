import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: the requester learns what a completed request changed — and only then, and only
// about their own request — from the tasks' results and the request's restrictions.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let changes: typeof import("./request-changes");
let internal: typeof import("@/lib/fulfilment/engine/internal");

const DAY = 86_400_000;

async function person(role: Actor["role"]): Promise<Actor & { subjectId?: string }> {
  const user = await db.user.create({ data: { email: `${randomUUID()}@test.example.jp`, role } });
  const subject =
    role === "SUBJECT"
      ? await db.subject.create({
          data: { userId: user.id, familyName: "試験", givenName: "花子" },
        })
      : undefined;
  return {
    userId: user.id,
    role,
    email: user.email,
    ip: null,
    passkeyAt: new Date(),
    subjectId: subject?.id,
  };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  db = (await import("@/lib/db")).getDb();
  changes = await import("./request-changes");
  internal = await import("@/lib/fulfilment/engine/internal");
});

afterAll(async () => {
  await db.$disconnect();
  await testDb.drop();
});

describe("a request's changes for the requester", () => {
  it("shows a completed correction's before and after, and what the law kept, to its requester only", async () => {
    const me = await person("SUBJECT");
    const stranger = await person("SUBJECT");
    const staff = await person("STAFF");
    const system = await db.dataSystem.create({
      data: {
        key: "members",
        nameJa: "会員基盤",
        nameEn: "Member accounts",
        connector: "INTERNAL",
      },
    });
    const [address, payments] = await Promise.all(
      [
        ["address", "住所", "Postal address"],
        ["payments", "決済", "Payments"],
      ].map(([key, nameJa, nameEn]) =>
        db.dataCategory.create({ data: { key: key!, nameJa: nameJa!, nameEn: nameEn! } }),
      ),
    );
    const item = (categoryId: string, field: string, value: string, retainUntil?: Date) =>
      db.personalDataItem.create({
        data: {
          subjectId: me.subjectId!,
          systemId: system.id,
          categoryId,
          field,
          value,
          collectedAt: new Date(),
          retainUntil: retainUntil ?? null,
        },
      });
    // One field the data map names, one it does not yet: its category's name stands in.
    await db.dataField.create({
      data: {
        systemId: system.id,
        key: "homeAddress",
        labelJa: "自宅住所",
        labelEn: "Home address",
      },
    });
    const home = await item(address!.id, "homeAddress", "東京都港区1-1");
    const until = new Date(Date.now() + 365 * DAY);
    const receipt = await item(payments!.id, "receiptNo", "¥1,000", until);
    const request = await db.request.create({
      data: {
        reference: `R-2099-${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`,
        type: "CORRECTION",
        status: "IN_PROGRESS",
        subjectId: me.subjectId!,
        filedById: me.userId,
        dueAt: new Date(Date.now() + 10 * DAY),
        details: {
          reason: "転居",
          items: [
            {
              action: "CORRECT",
              categoryKey: "address",
              itemId: home.id,
              field: "",
              correctedValue: "東京都港区2-2",
            },
            {
              action: "DELETE",
              categoryKey: "payments",
              itemId: receipt.id,
              field: "",
              correctedValue: "",
            },
          ],
        },
      },
    });
    const task = await db.fulfilmentTask.create({
      data: { requestId: request.id, systemId: system.id, action: "CORRECT" },
    });
    const result = await db.$transaction((tx) =>
      internal.runInternalAction(tx, {
        task: { id: task.id, action: "CORRECT", attempts: 1 },
        request: { ...request, details: request.details },
        system: { id: system.id, key: system.key, connector: "INTERNAL", config: {} },
      }),
    );
    await db.fulfilmentTask.update({
      where: { id: task.id },
      data: { status: "SUCCEEDED", result: result as Prisma.InputJsonValue },
    });
    const read = (actor: Actor, locale: "ja" | "en" = "en") =>
      changes.getRequestChanges({ actor, reference: request.reference, locale });

    // Nothing is final before completion; staff may look at any time.
    expect(await read(me)).toBeNull();
    expect((await read(staff))?.changes).toHaveLength(1);

    await db.request.update({ where: { id: request.id }, data: { status: "COMPLETED" } });
    const mine = await read(me);
    expect(mine).toMatchObject({
      type: "CORRECTION",
      changes: [
        {
          item: "Home address",
          system: "Member accounts",
          action: "CORRECT",
          before: "東京都港区1-1",
          after: "東京都港区2-2",
        },
      ],
      kept: [{ item: "Payments", system: "Member accounts" }],
      erased: 0,
      noticesSent: 0,
    });
    // The reason is worded in the reader's language, whatever the request's language was.
    expect(mine!.kept[0]!.reason).toMatch(/^Kept: a retention duty applies until /);
    expect((await read(me, "ja"))!.kept[0]!.reason).toContain("保存義務の期間中");
    expect((await read(me, "ja"))!.changes[0]!.item).toBe("自宅住所");
    expect(await read(stranger)).toBeNull();
  });
});
