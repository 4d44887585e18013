import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Db } from "@/lib/db";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: the names a request's details are shown with, read for the keys they name only.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let getKeyNames: typeof import("./get-key-names").getKeyNames;
let itemId: string;

beforeAll(async () => {
  testDb = await createTestDatabase({ prefix: "key_names" });
  process.env.DATABASE_URL = testDb.url;
  db = (await import("@/lib/db")).getDb();
  getKeyNames = (await import("./get-key-names")).getKeyNames;
  await db.dataCategory.createMany({
    data: [
      { key: "email", nameJa: "メールアドレス", nameEn: "Email address" },
      { key: "address", nameJa: "住所", nameEn: "Address" },
      { key: "purchases", nameJa: "購入履歴", nameEn: "Purchase history" },
    ],
  });
  await db.purpose.createMany({
    data: [
      { key: "ads", nameJa: "広告配信", nameEn: "Advertising" },
      { key: "support", nameJa: "お問い合わせ対応", nameEn: "Support" },
    ],
  });
  await db.recipient.createMany({
    data: [
      { key: "carrier", nameJa: "配送業者", nameEn: "Carrier", recipientClass: "PROCESSOR" },
      { key: "partner", nameJa: "提携先", nameEn: "Partner", recipientClass: "THIRD_PARTY" },
    ],
  });
  const system = await db.dataSystem.create({
    data: { key: "crm", nameJa: "顧客管理", nameEn: "CRM" },
  });
  const user = await db.user.create({ data: { email: "names@test.example.jp", role: "SUBJECT" } });
  const subject = await db.subject.create({
    data: { userId: user.id, familyName: "試験", givenName: "花子", email: user.email },
  });
  const category = await db.dataCategory.findUniqueOrThrow({ where: { key: "email" } });
  const item = await db.personalDataItem.create({
    data: {
      subjectId: subject.id,
      systemId: system.id,
      categoryId: category.id,
      field: "email",
      value: "hanako@example.jp",
      collectedAt: new Date("2026-01-05T00:00:00Z"),
    },
  });
  itemId = item.id;
});

afterAll(async () => {
  await db.$disconnect();
  await testDb.drop();
});

describe("getKeyNames", () => {
  it("names exactly the categories, purposes and recipients the details name, in the locale", async () => {
    expect(
      await getKeyNames({
        locale: "ja",
        details: {
          action: "SUSPEND",
          categoryKeys: ["address"],
          purposeKeys: ["ads"],
          recipientKeys: ["partner"],
        },
      }),
    ).toEqual({
      "category:address": "住所",
      "purpose:ads": "広告配信",
      "recipient:partner": "提携先",
    });
    expect(
      await getKeyNames({ locale: "en", details: { recipientKeys: ["carrier", "partner"] } }),
    ).toEqual({ "recipient:carrier": "Carrier", "recipient:partner": "Partner" });
  });

  it("names a correction's described item by its category and a picked item by its field and system", async () => {
    const names = await getKeyNames({
      locale: "en",
      details: {
        items: [
          { categoryKey: "purchases", field: "order 12", action: "CORRECT" },
          { itemId, action: "DELETE" },
        ],
      },
    });
    expect(names["category:purchases"]).toBe("Purchase history");
    expect(names[`item:${itemId}`]).toContain("CRM");
    expect(Object.keys(names).sort()).toEqual(["category:purchases", `item:${itemId}`].sort());
  });

  it("names nothing for details that name no key, and ignores keys that are not strings", async () => {
    expect(
      await getKeyNames({ locale: "ja", details: { scope: "ALL", categoryKeys: [] } }),
    ).toEqual({});
    expect(await getKeyNames({ locale: "ja", details: null })).toEqual({});
    expect(
      await getKeyNames({ locale: "ja", details: { categoryKeys: [1, null, "", "unknown"] } }),
    ).toEqual({});
  });
});
