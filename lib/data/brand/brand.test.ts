import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: the white-label brand (issue 15). Managers save the profile and colour, each change
// audited with both values; the logo is judged by its bytes; staff may not; the public read carries
// no logo bytes and a version that changes with each upload.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let brand: typeof import("./brand");
let reads: typeof import("@/lib/brand/read-brand");
let manager: Actor;
let staff: Actor;

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360f8cf00000301010018dd8db00000000049454e44ae426082",
  "hex",
);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

const input = {
  nameJa: "試験株式会社",
  nameEn: "Test Ltd.",
  portalNameJa: "試験プライバシーセンター",
  portalNameEn: "",
  departmentJa: "個人情報保護窓口",
  departmentEn: "Personal Information Desk",
  addressJa: "東京都千代田区",
  addressEn: "Chiyoda, Tokyo",
  contactEmail: "privacy@test.example.jp",
  contactPhone: "03-0000-0000",
  brandColor: "#7a1f5c",
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  brand = await import("./brand");
  reads = await import("@/lib/brand/read-brand");
  await db.organisation.create({ data: { nameJa: "旧名", nameEn: "Old name" } });
  const m = await db.user.create({ data: { email: "brand-m@test.example.jp", role: "MANAGER" } });
  const s = await db.user.create({ data: { email: "brand-s@test.example.jp", role: "STAFF" } });
  manager = { userId: m.id, role: "MANAGER", ip: null, passkeyAt: new Date() } as Actor;
  staff = { userId: s.id, role: "STAFF", ip: null, passkeyAt: new Date() } as Actor;
});

afterAll(async () => {
  await db.$disconnect();
  await testDb.drop();
});

const audits = (action: string) =>
  db.auditEvent.findMany({ where: { action }, orderBy: { at: "asc" } });

describe("brand", () => {
  it("starts with the catalogue's name, the default colour and logo", async () => {
    const read = await reads.readBrand();
    expect(read.portalName).toEqual({ ja: null, en: null });
    expect(read.colour).toBeNull();
    expect(read.logoVersion).toBeNull();
    expect(await reads.readLogo()).toBeNull();
  });

  it("saves the profile and colour, auditing each changed field with both values", async () => {
    await brand.updateBrand({ actor: manager, input });
    const read = await reads.readBrand();
    expect(read.portalName).toEqual({ ja: "試験プライバシーセンター", en: null });
    expect(read.organisationName.ja).toBe("試験株式会社");
    expect(read.department.en).toBe("Personal Information Desk");
    expect(read.colour).toBe("#7a1f5c");
    const [event] = await audits("config.brand.update");
    expect(event?.data).toMatchObject({
      nameJaFrom: "旧名",
      nameJa: "試験株式会社",
      brandColorFrom: "",
      brandColor: "#7a1f5c",
    });
    // Saving the same values again changes nothing and writes no event.
    await brand.updateBrand({ actor: manager, input });
    expect(await audits("config.brand.update")).toHaveLength(1);
  });

  it("refuses staff, and managers without a recent passkey", async () => {
    await expect(brand.updateBrand({ actor: staff, input })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(brand.setLogo({ actor: staff, bytes: PNG })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const stale = { ...manager, passkeyAt: null };
    await expect(brand.updateBrand({ actor: stale, input })).rejects.toMatchObject({
      code: "STEP_UP_REQUIRED",
    });
  });

  it("takes a PNG by its bytes and refuses an SVG, an empty file and one too large", async () => {
    for (const [bytes, key] of [
      [SVG, "settingsBrand.errors.logoType"],
      [Buffer.alloc(0), "settingsBrand.errors.logoMissing"],
      [Buffer.concat([PNG, Buffer.alloc(256 * 1024)]), "settingsBrand.errors.logoTooLarge"],
    ] as const) {
      await expect(brand.setLogo({ actor: manager, bytes })).rejects.toMatchObject({
        code: "INVALID_INPUT",
        messageKey: key,
      });
    }
    expect(await reads.readLogo()).toBeNull();
    await brand.setLogo({ actor: manager, bytes: PNG });
    const logo = await reads.readLogo();
    expect(logo?.type).toBe("image/png");
    expect(Buffer.from(logo!.bytes).equals(PNG)).toBe(true);
    const version = (await reads.readBrand()).logoVersion;
    expect(version).toEqual(expect.any(Number));
    // The app's client leaves the bytes out of every other query.
    const org = await db.organisation.findFirst();
    expect(org).not.toHaveProperty("logo");
    expect(await audits("config.brand.logo")).toHaveLength(1);

    await brand.removeLogo({ actor: manager });
    expect(await reads.readLogo()).toBeNull();
    expect((await reads.readBrand()).logoVersion).toBeNull();
    expect(await audits("config.brand.logo-removed")).toHaveLength(1);
  });
});
