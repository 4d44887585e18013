import { describe, expect, it } from "vitest";

import { transferLaws } from "./transfers";

describe("third-country transfers (GDPR and UK GDPR Art.15(2))", () => {
  it("counts a recipient outside the EU/EEA for the GDPR and outside the UK for the UK GDPR", () => {
    expect(transferLaws(["JP", "EU"], "US")).toEqual(["EU"]);
    expect(transferLaws(["JP", "EU"], "FR")).toEqual([]);
    expect(transferLaws(["JP", "EU"], "NO")).toEqual([]);
    expect(transferLaws(["JP", "UK"], "FR")).toEqual(["UK"]);
    expect(transferLaws(["JP", "UK"], "GB")).toEqual([]);
    expect(transferLaws(["EU", "UK"], "KR")).toEqual(["EU", "UK"]);
  });

  it("is no matter under APPI alone, nor for a recipient at home", () => {
    expect(transferLaws(["JP"], "US")).toEqual([]);
    expect(transferLaws(["JP", "US_CA"], "KR")).toEqual([]);
    expect(transferLaws(["EU"], null)).toEqual([]);
  });
});
