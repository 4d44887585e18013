import { describe, expect, it } from "vitest";

import { ZDecideApproval, ZDecision, ZDecisionFor } from "./decisions";

const base = { reference: "R-2026-000001", note: "説明" };
const issues = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((i) => `${i.path.join(".")}:${i.message}`);

describe("decision schema", () => {
  it("requires grounds for refusals and partial refusals, and refuses them otherwise", () => {
    expect(issues(ZDecision.safeParse({ ...base, outcome: "REFUSED", grounds: [] }))).toEqual([
      "grounds:validation.groundsRequired",
    ]);
    expect(
      issues(ZDecision.safeParse({ ...base, outcome: "PARTIALLY_FULFILLED", grounds: [] })),
    ).toEqual(["grounds:validation.groundsRequired"]);
    expect(
      issues(ZDecision.safeParse({ ...base, outcome: "FULFILLED", grounds: ["HARM_TO_PERSON"] })),
    ).toEqual(["grounds:validation.groundsNotForOutcome"]);
    expect(
      ZDecision.safeParse({ ...base, outcome: "REFUSED", grounds: ["HARM_TO_PERSON"] }).success,
    ).toBe(true);
    expect(ZDecision.safeParse({ ...base, outcome: "FULFILLED", grounds: [] }).success).toBe(true);
  });

  it("requires the explanation and refuses unknown outcomes, grounds and duplicates", () => {
    expect(
      issues(ZDecision.safeParse({ ...base, note: "  ", outcome: "FULFILLED", grounds: [] })),
    ).toEqual(["note:validation.required"]);
    expect(ZDecision.safeParse({ ...base, outcome: "UNVERIFIABLE", grounds: [] }).success).toBe(
      false,
    );
    expect(ZDecision.safeParse({ ...base, outcome: "REFUSED", grounds: ["MADE_UP"] }).success).toBe(
      false,
    );
    expect(
      issues(
        ZDecision.safeParse({
          ...base,
          outcome: "REFUSED",
          grounds: ["HARM_TO_PERSON", "HARM_TO_PERSON"],
        }),
      ),
    ).toEqual(["grounds:validation.invalid"]);
  });

  it("offers per type only the grounds refusal-grounds.ts gives it", () => {
    const correction = ZDecisionFor("CORRECTION", ["JP"]);
    const refusal = (grounds: string[]) => ({ ...base, outcome: "REFUSED", grounds });
    expect(correction.safeParse(refusal(["CONTENT_NOT_UNTRUE"])).success).toBe(true);
    expect(issues(correction.safeParse(refusal(["NOT_WITHIN_GROUNDS"])))).toEqual([
      "grounds:validation.groundNotForType",
    ]);
    expect(
      ZDecisionFor("STOP_PROVISION", ["JP"]).safeParse(refusal(["NOT_WITHIN_GROUNDS"])).success,
    ).toBe(true);
    // "Manifestly unfounded" is a ground of the GDPR, not of APPI.
    expect(issues(correction.safeParse(refusal(["MANIFESTLY_UNFOUNDED"])))).toEqual([
      "grounds:validation.groundNotForType",
    ]);
    expect(
      ZDecisionFor("CORRECTION", ["JP", "EU"]).safeParse(refusal(["MANIFESTLY_UNFOUNDED"])).success,
    ).toBe(true);
  });
});

describe("approval decision schema", () => {
  const approval = { reference: "R-2026-000001", approvalId: "abc" };
  it("needs a reason to send back, not to approve", () => {
    expect(
      issues(ZDecideApproval.safeParse({ ...approval, decision: "REJECTED", note: " " })),
    ).toEqual(["note:validation.rejectReasonRequired"]);
    expect(ZDecideApproval.safeParse({ ...approval, decision: "APPROVED", note: "" }).success).toBe(
      true,
    );
    expect(ZDecideApproval.safeParse({ ...approval, decision: "PENDING", note: "" }).success).toBe(
      false,
    );
  });
});
