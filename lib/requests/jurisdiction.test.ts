import { describe, expect, it } from "vitest";

import {
  EU_EEA_COUNTRIES,
  jurisdictionsFor,
  residenceJurisdiction,
  toResidence,
} from "./jurisdiction";

describe("which law applies", () => {
  it("always applies the establishment's law, and adds the residence's once", () => {
    expect(jurisdictionsFor({ country: "JP", region: "" }, ["JP"])).toEqual([
      { jurisdiction: "JP", reason: "ESTABLISHMENT" },
    ]);
    expect(jurisdictionsFor({ country: "FR", region: "" }, ["JP"])).toEqual([
      { jurisdiction: "JP", reason: "ESTABLISHMENT" },
      { jurisdiction: "EU", reason: "RESIDENCE" },
    ]);
    expect(jurisdictionsFor(null, ["JP"])).toEqual([
      { jurisdiction: "JP", reason: "ESTABLISHMENT" },
    ]);
    expect(jurisdictionsFor({ country: "DE", region: "" }, ["JP", "EU", "JP"])).toEqual([
      { jurisdiction: "JP", reason: "ESTABLISHMENT" },
      { jurisdiction: "EU", reason: "ESTABLISHMENT" },
    ]);
  });

  it("maps every EU/EEA state to the GDPR, the UK to UK GDPR, California alone of the US", () => {
    for (const country of EU_EEA_COUNTRIES)
      expect(residenceJurisdiction({ country, region: "" }), country).toBe("EU");
    expect(residenceJurisdiction({ country: "GB", region: "" })).toBe("UK");
    expect(residenceJurisdiction({ country: "US", region: "CA" })).toBe("US_CA");
    expect(residenceJurisdiction({ country: "US", region: "OTHER" })).toBeNull();
    expect(residenceJurisdiction({ country: "KR", region: "" })).toBe("KR");
    expect(residenceJurisdiction({ country: "BR", region: "" })).toBe("BR");
    expect(residenceJurisdiction({ country: "OTHER", region: "" })).toBeNull();
  });

  it("reads a stored residence back, unknown values as unknown", () => {
    expect(toResidence("US", "CA")).toEqual({ country: "US", region: "CA" });
    expect(toResidence("FR", "CA")).toEqual({ country: "FR", region: "" });
    expect(toResidence("XX", null)).toBeNull();
    expect(toResidence(null, null)).toBeNull();
  });
});
