import { describe, expect, it } from "vitest";

import { ZBrand } from "./brand";

const valid = {
  nameJa: "試験株式会社",
  nameEn: "Test Ltd.",
  portalNameJa: "",
  portalNameEn: "",
  departmentJa: "",
  departmentEn: "",
  addressJa: "",
  addressEn: "",
  contactEmail: "",
  contactPhone: "",
  brandColor: "",
};

const errorOf = (patch: Partial<typeof valid>) => {
  const result = ZBrand.safeParse({ ...valid, ...patch });
  return result.success
    ? null
    : result.error.issues.map((i) => `${String(i.path[0])}:${i.message}`);
};

describe("ZBrand", () => {
  it("accepts empty optional fields and lowercases the colour", () => {
    expect(errorOf({})).toBeNull();
    expect(ZBrand.parse({ ...valid, brandColor: "#7A1F5C" }).brandColor).toBe("#7a1f5c");
  });

  it("refuses a colour that is not #rrggbb, or too light to read on white", () => {
    expect(errorOf({ brandColor: "red" })).toEqual([
      "brandColor:settingsBrand.errors.colourFormat",
    ]);
    expect(errorOf({ brandColor: "#0b5cab;x" })).toEqual([
      "brandColor:settingsBrand.errors.colourFormat",
    ]);
    expect(errorOf({ brandColor: "#f0b400" })).toEqual([
      "brandColor:settingsBrand.errors.colourContrast",
    ]);
  });

  it("requires both names and checks the contact's email and phone", () => {
    expect(errorOf({ nameJa: " " })).toEqual(["nameJa:validation.required"]);
    expect(errorOf({ contactEmail: "not-an-address" })).toEqual(["contactEmail:validation.email"]);
    expect(errorOf({ contactPhone: "03-1234-5678" })).toBeNull();
    expect(errorOf({ contactPhone: "call me" })).toEqual([
      "contactPhone:settingsBrand.errors.phone",
    ]);
  });
});
