import { describe, expect, it } from "vitest";

import { feeFor } from "./fees";

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
