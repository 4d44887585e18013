import { describe, expect, it } from "vitest";

import { RequestStatus } from "@/lib/generated/prisma/enums";

import {
  checkTransition,
  isOpen,
  OPEN_STATUSES,
  TRANSITIONS,
  type TransitionName,
} from "./lifecycle";

const ALL = Object.values(RequestStatus);

describe("request lifecycle", () => {
  it("allows each transition exactly from its listed statuses", () => {
    for (const name of Object.keys(TRANSITIONS) as TransitionName[]) {
      const rule = TRANSITIONS[name];
      const outcome = "outcomes" in rule ? rule.outcomes[0] : undefined;
      for (const from of ALL) {
        const allowed = (rule.from as readonly string[]).includes(from);
        expect(checkTransition(name, from, outcome).ok, `${name} from ${from}`).toBe(allowed);
      }
    }
  });

  it("refuses completing before identity is verified", () => {
    for (const from of ["SUBMITTED", "AWAITING_IDENTITY", "IDENTITY_REVIEW"] as const) {
      expect(checkTransition("complete", from, "FULFILLED")).toEqual({
        ok: false,
        reason: "ILLEGAL_FROM_STATUS",
      });
    }
  });

  it("requires an allowed outcome for closing transitions and none for others", () => {
    expect(checkTransition("complete", "IN_PROGRESS")).toEqual({
      ok: false,
      reason: "OUTCOME_REQUIRED",
    });
    expect(checkTransition("complete", "IN_PROGRESS", "REFUSED")).toEqual({
      ok: false,
      reason: "OUTCOME_NOT_ALLOWED",
    });
    expect(checkTransition("complete", "IN_PROGRESS", "FULFILLED").ok).toBe(true);
    expect(checkTransition("verifyIdentity", "SUBMITTED", "FULFILLED")).toEqual({
      ok: false,
      reason: "OUTCOME_NOT_ALLOWED",
    });
    expect(checkTransition("closeUnverifiable", "IDENTITY_REVIEW", "UNVERIFIABLE").ok).toBe(true);
  });

  it("never leaves a closed request", () => {
    for (const name of Object.keys(TRANSITIONS) as TransitionName[]) {
      for (const from of ["COMPLETED", "WITHDRAWN"] as const) {
        expect(checkTransition(name, from, "FULFILLED").ok).toBe(false);
      }
    }
    expect(isOpen("COMPLETED")).toBe(false);
    expect(OPEN_STATUSES.every(isOpen)).toBe(true);
  });
});
