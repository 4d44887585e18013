import { describe, expect, it } from "vitest";

import { feeBases, feeFor, proposedFee, toMajorUnits, toMinorUnits } from "./fees";

const fees = { disclosureFeeYen: 1000, purposeNotificationFeeYen: 300 };

describe("fees per law", () => {
  it("charges APPI's configured fee for disclosure and purpose notification only", () => {
    expect(feeFor("DISCLOSURE", ["JP"], fees)).toEqual({ yen: 1000, waivedBy: [] });
    expect(feeFor("PURPOSE_NOTIFICATION", ["JP"], fees)).toEqual({ yen: 300, waivedBy: [] });
    const free = [
      "PROVISION_RECORDS",
      "CORRECTION",
      "SUSPENSION_ERASURE",
      "STOP_PROVISION",
    ] as const;
    for (const type of free) expect(feeFor(type, ["JP"], fees)).toEqual({ yen: 0, waivedBy: [] });
  });

  it("is free where the GDPR, UK GDPR, CCPA or LGPD applies; PIPA allows a fee", () => {
    expect(feeFor("DISCLOSURE", ["JP", "EU"], fees)).toEqual({ yen: 0, waivedBy: ["EU"] });
    expect(feeFor("DISCLOSURE", ["JP", "UK"], fees)).toEqual({ yen: 0, waivedBy: ["UK"] });
    expect(feeFor("DISCLOSURE", ["JP", "US_CA"], fees)).toEqual({ yen: 0, waivedBy: ["US_CA"] });
    expect(feeFor("DISCLOSURE", ["JP", "BR"], fees)).toEqual({ yen: 0, waivedBy: ["BR"] });
    expect(feeFor("DISCLOSURE", ["JP", "KR"], fees)).toEqual({ yen: 1000, waivedBy: [] });
  });

  it("says nothing is waived when nothing is charged", () => {
    expect(feeFor("DISCLOSURE", ["JP", "EU"], { ...fees, disclosureFeeYen: 0 })).toEqual({
      yen: 0,
      waivedBy: [],
    });
  });
});

describe("asking for a fee", () => {
  it("offers APPI's published fee only where a law that allows it applies alone", () => {
    expect(feeBases("DISCLOSURE", ["JP"], fees)).toEqual(["CONFIGURED"]);
    expect(feeBases("DISCLOSURE", ["JP", "KR"], fees)).toEqual(["CONFIGURED"]);
    expect(feeBases("DISCLOSURE", ["JP"], { ...fees, disclosureFeeYen: 0 })).toEqual([]);
    expect(feeBases("CORRECTION", ["JP"], fees)).toEqual([]);
  });

  it("offers the GDPR's reasonable fees where every law that applies allows a fee", () => {
    expect(feeBases("DISCLOSURE", ["JP", "UK"], fees)).toEqual([
      "UNFOUNDED_OR_EXCESSIVE",
      "FURTHER_COPIES",
    ]);
    expect(feeBases("DISCLOSURE", ["UK"], fees)).toEqual([
      "UNFOUNDED_OR_EXCESSIVE",
      "FURTHER_COPIES",
    ]);
    // Further copies are a disclosure's; an unfounded erasure request may be charged under the GDPR
    // alone, but APPI allows no fee for it.
    expect(feeBases("SUSPENSION_ERASURE", ["EU"], fees)).toEqual(["UNFOUNDED_OR_EXCESSIVE"]);
    expect(feeBases("SUSPENSION_ERASURE", ["JP", "EU"], fees)).toEqual([]);
    expect(feeBases("DISCLOSURE", ["JP", "US_CA"], fees)).toEqual(["UNFOUNDED_OR_EXCESSIVE"]);
    // The LGPD makes every request free.
    expect(feeBases("DISCLOSURE", ["JP", "UK", "BR"], fees)).toEqual([]);
  });

  it("proposes the published fee in yen, and otherwise the currency of the law that provides the basis", () => {
    expect(proposedFee("CONFIGURED", "DISCLOSURE", ["JP"], fees)).toEqual({
      amountMinor: 1000,
      currency: "JPY",
    });
    expect(proposedFee("FURTHER_COPIES", "DISCLOSURE", ["JP", "UK"], fees)).toEqual({
      amountMinor: null,
      currency: "GBP",
    });
    expect(proposedFee("UNFOUNDED_OR_EXCESSIVE", "DISCLOSURE", ["JP", "US_CA"], fees)).toEqual({
      amountMinor: null,
      currency: "USD",
    });
  });

  it("reads amounts in the currency's units", () => {
    expect(toMinorUnits("10", "GBP")).toBe(1000);
    expect(toMinorUnits("12.5", "GBP")).toBe(1250);
    expect(toMinorUnits("12.50", "EUR")).toBe(1250);
    expect(toMinorUnits("1000", "JPY")).toBe(1000);
    expect(toMinorUnits("10.5", "JPY")).toBeNull();
    expect(toMinorUnits("1.234", "USD")).toBeNull();
    expect(toMinorUnits("-3", "GBP")).toBeNull();
    expect(toMinorUnits("1e3", "GBP")).toBeNull();
    expect(toMinorUnits("", "GBP")).toBeNull();
    expect(toMajorUnits(1000, "GBP")).toBe("10.00");
    expect(toMajorUnits(1000, "JPY")).toBe("1000");
    expect(toMajorUnits(null, "EUR")).toBe("");
  });
});
