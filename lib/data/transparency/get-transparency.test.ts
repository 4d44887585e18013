import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Db } from "@/lib/db";
import { categories, purposes } from "@/prisma/seed/data-map";
import { seedDemo } from "@/prisma/seed/index";
import { lawEnforcementDisclosures } from "@/prisma/seed/ledger";
import { recipients, scenes } from "@/prisma/seed/recipients";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: the transparency page's aggregates against PostgreSQL with the demo seed.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let getTransparency: typeof import("./get-transparency").getTransparency;

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  await seedDemo(db);
  ({ getTransparency } = await import("./get-transparency"));
});

afterAll(async () => {
  await db.$disconnect();
  await testDb.drop();
});

const japanYear = (d: Date) =>
  Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Tokyo", year: "numeric" }).format(d));

describe("getTransparency", () => {
  it("gives the organisation's texts and fees in each language", async () => {
    const ja = (await getTransparency({ locale: "ja" }))!;
    const en = (await getTransparency({ locale: "en" }))!;
    expect(ja.organisation.name).toBe("株式会社サクラリンク");
    expect(en.organisation.name).toBe("Sakura Link Inc.");
    expect(ja.organisation.disclosureFeeYen).toBe(0);
    expect(ja.organisation.purposeNotificationFeeYen).toBe(0);
    expect(ja.organisation.lawEnforcementPolicy).toContain("捜査令状");
    expect(en.organisation.lawEnforcementPolicy).toContain("warrant");
    expect(en.organisation.offlineFiling).toMatch(/post/);
    expect(en.organisation.processorOversight).toMatch(/checklist/);
    // APPI Art.32(1)(iv) with Order Art.10: the security measures and where to complain.
    expect(en.organisation.securityMeasures).toMatch(/\(Technical measures\)/);
    expect(en.organisation.complaintDesk).toMatch(/accredited personal information protection/);
    expect(en.authorities.map((a) => a.key).sort()).toEqual(
      ["BR", "EU", "JP", "KR", "UK", "US_CA"].sort(),
    );
    expect(en.authorities.find((a) => a.key === "UK")?.url).toBe(
      "https://ico.org.uk/make-a-complaint/",
    );
    expect(en.organisation.identityDocumentsNote).toMatch(/deleted/);
    expect(ja.responseDeadline).toEqual({ amount: 10, unit: "CALENDAR_DAYS" });
  });

  it("derives the ways each category is obtained from the items held", async () => {
    const data = (await getTransparency({ locale: "en" }))!;
    expect(data.categories.map((c) => c.key)).toEqual(categories.map((c) => c.key));
    const byKey = new Map(data.categories.map((c) => [c.key, c]));

    const grouped = await db.personalDataItem.groupBy({
      by: ["categoryId", "source"],
      where: { erasedAt: null },
      _count: { _all: true },
    });
    const ids = new Map(
      (await db.dataCategory.findMany({ select: { id: true, key: true } })).map((c) => [
        c.id,
        c.key,
      ]),
    );
    for (const row of grouped) {
      const sources = byKey.get(ids.get(row.categoryId)!)!.sources;
      expect(sources).toContainEqual({ source: row.source, count: row._count._all });
    }
    const total = data.categories.flatMap((c) => c.sources).reduce((n, s) => n + s.count, 0);
    expect(total).toBe(await db.personalDataItem.count({ where: { erasedAt: null } }));

    // The seed's specific cases: a nursing licence checked in a public register, selection
    // results received from employers, cookies recorded automatically.
    expect(
      byKey
        .get("job_application")!
        .sources.map((s) => s.source)
        .sort(),
    ).toEqual(["DIRECT", "PUBLIC", "THIRD_PARTY"]);
    expect(byKey.get("cookie_id")!.sources).toEqual([{ source: "AUTOMATIC", count: 3 }]);
    expect(byKey.get("health_accessibility")!.dataClass).toBe("SENSITIVE");
    expect(byKey.get("location")!.dataClass).toBe("INFORMATIVE");
  });

  it("lists the purposes and which can be stopped", async () => {
    const data = (await getTransparency({ locale: "ja" }))!;
    expect(data.purposes.map((p) => p.key)).toEqual(purposes.map((p) => p.key));
    expect(data.purposes.filter((p) => !p.suspendable).map((p) => p.key)).toEqual([
      "fraud_prevention",
    ]);
  });

  it("aggregates the recipient classes and scenes from the ledger", async () => {
    const data = (await getTransparency({ locale: "en" }))!;
    const classes = new Map(data.recipientClasses.map((c) => [c.recipientClass, c]));
    for (const cls of [
      "THIRD_PARTY",
      "GROUP_COMPANY",
      "FOREIGN_THIRD_PARTY",
      "PROCESSOR",
      "LAW_ENFORCEMENT",
    ] as const) {
      expect(classes.get(cls)?.recipients, cls).toBe(
        recipients.filter((r) => r.recipientClass === cls).length,
      );
      expect(classes.get(cls)?.provisions, cls).toBe(
        await db.provisionRecord.count({ where: { recipient: { recipientClass: cls } } }),
      );
    }
    expect(classes.get("LAW_ENFORCEMENT")!.provisions).toBe(0);
    expect(classes.get("THIRD_PARTY")!.scenes).toContain("Online reservations");
    expect(classes.get("FOREIGN_THIRD_PARTY")!.scenes).toEqual(["Online reservations"]);

    expect(data.scenes.map((s) => s.key)).toEqual(scenes.map((s) => s.key));
    for (const scene of data.scenes) {
      expect(scene.provisions, scene.key).toBe(
        await db.provisionRecord.count({ where: { scene: { key: scene.key } } }),
      );
    }
    const reservation = data.scenes.find((s) => s.key === "reservation")!;
    expect(reservation.recipientClasses).toEqual(["FOREIGN_THIRD_PARTY", "THIRD_PARTY"]);
    expect(reservation.items).toEqual(
      expect.arrayContaining(["Name", "Email address", "Phone number", "Reservation history"]),
    );
    // Special-care data reaches a hotel only with consent, and is never a headline example.
    expect(reservation.items).not.toContain(
      "Health-related accessibility needs (special-care data)",
    );
    const points = data.scenes.find((s) => s.key === "points_link")!;
    expect(points.recipientClasses).toEqual(["THIRD_PARTY"]);
  });

  it("shows foreign recipients with country, regime and measures, processors by category", async () => {
    const data = (await getTransparency({ locale: "en" }))!;
    expect(data.foreignRecipients.map((r) => [r.name, r.country]).sort()).toEqual(
      [
        ["AdReach, Inc.", "US"],
        ["Hôtel Lumière Paris SAS", "FR"],
        ["TravelMate Korea Co., Ltd.", "KR"],
        ["Cloud hosting (data stored in the Tokyo region)", "US"],
      ].sort(),
    );
    for (const r of data.foreignRecipients) {
      expect(r.regime, r.name).not.toBe("");
      expect(r.measures, r.name).not.toBe("");
    }
    expect(data.foreignRecipients.find((r) => r.country === "FR")!.regime).toMatch(/GDPR/);

    expect(data.processors.map((p) => p.category).sort()).toEqual(
      recipients
        .filter((r) => r.recipientClass === "PROCESSOR")
        .map((r) => ("processorCategoryEn" in r ? r.processorCategoryEn : ""))
        .sort(),
    );
    // Never by name.
    const json = JSON.stringify(data);
    for (const r of recipients.filter((r) => r.recipientClass === "PROCESSOR"))
      expect(json).not.toContain(r.nameEn);
  });

  it("counts law-enforcement disclosures per Japan-time year and basis, as in the register", async () => {
    const data = (await getTransparency({ locale: "ja" }))!;
    const register = await db.lawEnforcementDisclosure.findMany();
    expect(register).toHaveLength(lawEnforcementDisclosures.length);
    const expected = new Map<number, { WARRANT: number; INQUIRY: number; OTHER_LAW: number }>();
    for (const d of register) {
      const year = japanYear(d.disclosedAt);
      const counts = expected.get(year) ?? { WARRANT: 0, INQUIRY: 0, OTHER_LAW: 0 };
      counts[d.basis] += 1;
      expected.set(year, counts);
    }
    expect(data.lawEnforcement.map((r) => r.year)).toEqual(
      [...expected.keys()].sort((a, b) => b - a),
    );
    for (const row of data.lawEnforcement) {
      const counts = expected.get(row.year)!;
      expect(row).toEqual({
        year: row.year,
        ...counts,
        total: counts.WARRANT + counts.INQUIRY + counts.OTHER_LAW,
      });
    }
    expect(data.lawEnforcement.reduce((n, r) => n + r.total, 0)).toBe(5);
    expect(data.lawEnforcement.reduce((n, r) => n + r.WARRANT, 0)).toBe(2);
  });

  it("holds no personal data of any subject", async () => {
    const json = JSON.stringify([
      await getTransparency({ locale: "ja" }),
      await getTransparency({ locale: "en" }),
    ]);
    for (const s of await db.subject.findMany()) {
      for (const value of [s.familyName + " " + s.givenName, s.email, s.phone, s.address])
        if (value) expect(json).not.toContain(value);
    }
    for (const item of await db.personalDataItem.findMany({ select: { value: true } }))
      if (item.value.length > 4) expect(json).not.toContain(item.value);
    for (const d of await db.lawEnforcementDisclosure.findMany())
      expect(json).not.toContain(d.issuingOfficer);
  });

  // Last: it removes the organisation row.
  it("returns null when no organisation is set up", async () => {
    await db.organisation.delete({ where: { id: "org" } });
    expect(await getTransparency({ locale: "ja" })).toBeNull();
  });
});
