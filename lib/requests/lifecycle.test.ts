import { describe, expect, it } from "vitest";

import {
  Outcome,
  RefusalGround,
  RequestStatus,
  RequestType,
  Role,
} from "@/lib/generated/prisma/enums";

import {
  asksForErasure,
  checkApprovalDecision,
  checkTransition,
  isOpen,
  needsApproval,
  needsGrounds,
  OPEN_STATUSES,
  outcomeFits,
  TRANSITIONS,
  type TransitionName,
} from "./lifecycle";
import { groundsApply, groundsFor, REFUSAL_GROUNDS } from "./refusal-grounds";

const ALL = Object.values(RequestStatus);
const OUTCOMES = Object.values(Outcome);
const TYPES = Object.values(RequestType);
const NAMES = Object.keys(TRANSITIONS) as TransitionName[];

// An outcome each rule accepts without approval questions (no context is passed).
const outcomeFor = (name: TransitionName) => {
  const rule = TRANSITIONS[name];
  return "outcomes" in rule ? rule.outcomes[0] : undefined;
};

describe("request lifecycle: the transition table", () => {
  it.each(NAMES)("%s is allowed exactly from its listed statuses", (name) => {
    const rule = TRANSITIONS[name];
    for (const from of ALL) {
      const allowed = (rule.from as readonly string[]).includes(from);
      const check = checkTransition(name, from, outcomeFor(name));
      expect(check.ok, `${name} from ${from}`).toBe(allowed);
      if (!check.ok) expect(check.reason).toBe("ILLEGAL_FROM_STATUS");
      else expect(check.rule.to).toBe(rule.to);
    }
  });

  it("lists every transition this issue relies on, with its target and permission", () => {
    const table = Object.fromEntries(
      NAMES.map((n) => [n, [TRANSITIONS[n].to, TRANSITIONS[n].permission]]),
    );
    expect(table).toMatchObject({
      complete: ["COMPLETED", "request:complete"],
      submitForApproval: ["AWAITING_APPROVAL", "request:complete"],
      approve: ["COMPLETED", "request:approve"],
      rejectApproval: ["IN_PROGRESS", "request:approve"],
      closeUnverifiable: ["COMPLETED", "request:verify-identity"],
      withdraw: ["WITHDRAWN", "request:withdraw-own"],
    });
    // The approval steps are internal; the requester sees the outcome when it is final.
    expect(TRANSITIONS.submitForApproval.visibleToRequester).toBe(false);
    expect(TRANSITIONS.rejectApproval.visibleToRequester).toBe(false);
    expect(TRANSITIONS.approve.visibleToRequester).toBe(true);
  });

  it("refuses completing before identity is verified", () => {
    for (const from of ["SUBMITTED", "AWAITING_IDENTITY", "IDENTITY_REVIEW"] as const) {
      expect(checkTransition("complete", from, "FULFILLED")).toEqual({
        ok: false,
        reason: "ILLEGAL_FROM_STATUS",
      });
      expect(checkTransition("submitForApproval", from).ok).toBe(false);
    }
  });

  it("never leaves a closed request", () => {
    for (const name of NAMES) {
      for (const from of ["COMPLETED", "WITHDRAWN"] as const) {
        for (const outcome of [undefined, ...OUTCOMES])
          expect(checkTransition(name, from, outcome).ok, `${name} ${outcome}`).toBe(false);
      }
    }
    expect(isOpen("COMPLETED")).toBe(false);
    expect(isOpen("WITHDRAWN")).toBe(false);
    expect(OPEN_STATUSES.every(isOpen)).toBe(true);
    expect(ALL.filter(isOpen).sort()).toEqual([...OPEN_STATUSES].sort());
  });
});

describe("request lifecycle: outcomes", () => {
  it.each(NAMES)("%s requires one of its outcomes, or none if it does not close", (name) => {
    const rule = TRANSITIONS[name];
    const from = rule.from[0];
    const allowed: readonly string[] = "outcomes" in rule ? rule.outcomes : [];
    for (const outcome of OUTCOMES) {
      const check = checkTransition(name, from, outcome);
      if (allowed.includes(outcome)) expect(check.ok, `${name} ${outcome}`).toBe(true);
      else expect(check).toEqual({ ok: false, reason: "OUTCOME_NOT_ALLOWED" });
    }
    const none = checkTransition(name, from);
    if (allowed.length > 0) expect(none).toEqual({ ok: false, reason: "OUTCOME_REQUIRED" });
    else expect(none.ok).toBe(true);
  });

  it("closes with the outcomes the law allows for each closing transition", () => {
    expect(TRANSITIONS.complete.outcomes).toEqual([
      "FULFILLED",
      "PARTIALLY_FULFILLED",
      "NO_DATA_HELD",
      "DISCLOSED_OTHER_METHOD",
    ]);
    expect(TRANSITIONS.approve.outcomes).toEqual(["FULFILLED", "PARTIALLY_FULFILLED", "REFUSED"]);
    expect(TRANSITIONS.closeUnverifiable.outcomes).toEqual(["UNVERIFIABLE"]);
  });

  it("asks for legal grounds exactly for refusals and partial refusals", () => {
    expect(OUTCOMES.filter(needsGrounds).sort()).toEqual(["PARTIALLY_FULFILLED", "REFUSED"]);
  });
});

describe("four eyes", () => {
  it("needs approval for any refusal, any partial refusal and a fulfilled erasure only", () => {
    for (const type of TYPES) {
      for (const erasure of [false, true]) {
        for (const outcome of OUTCOMES) {
          const expected =
            outcome === "REFUSED" ||
            outcome === "PARTIALLY_FULFILLED" ||
            (outcome === "FULFILLED" && erasure && type === "SUSPENSION_ERASURE");
          expect(needsApproval({ type, outcome, erasure }), `${type} ${erasure} ${outcome}`).toBe(
            expected,
          );
        }
      }
    }
  });

  it("refuses completing directly with APPROVAL_REQUIRED where approval is needed", () => {
    const refusal = { type: "DISCLOSURE", erasure: false } as const;
    expect(checkTransition("complete", "IN_PROGRESS", "PARTIALLY_FULFILLED", refusal)).toEqual({
      ok: false,
      reason: "APPROVAL_REQUIRED",
    });
    const erasure = { type: "SUSPENSION_ERASURE", erasure: true } as const;
    expect(checkTransition("complete", "IN_PROGRESS", "FULFILLED", erasure)).toEqual({
      ok: false,
      reason: "APPROVAL_REQUIRED",
    });
    // A refusal cannot complete directly at all: it is not among complete's outcomes.
    expect(checkTransition("complete", "IN_PROGRESS", "REFUSED", refusal).ok).toBe(false);
    // Suspension (not erasure) and the other types complete directly when fulfilled.
    const suspension = { type: "SUSPENSION_ERASURE", erasure: false } as const;
    expect(checkTransition("complete", "IN_PROGRESS", "FULFILLED", suspension).ok).toBe(true);
    expect(checkTransition("complete", "IN_PROGRESS", "FULFILLED", refusal).ok).toBe(true);
  });

  it("refuses approving an outcome that needs no approval", () => {
    const plain = { type: "DISCLOSURE", erasure: false } as const;
    expect(checkTransition("approve", "AWAITING_APPROVAL", "FULFILLED", plain)).toEqual({
      ok: false,
      reason: "APPROVAL_NOT_NEEDED",
    });
    expect(checkTransition("approve", "AWAITING_APPROVAL", "REFUSED", plain).ok).toBe(true);
    expect(checkTransition("approve", "AWAITING_APPROVAL", "PARTIALLY_FULFILLED", plain).ok).toBe(
      true,
    );
    const erasure = { type: "SUSPENSION_ERASURE", erasure: true } as const;
    expect(checkTransition("approve", "AWAITING_APPROVAL", "FULFILLED", erasure).ok).toBe(true);
    expect(checkTransition("approve", "IN_PROGRESS", "REFUSED", plain)).toEqual({
      ok: false,
      reason: "ILLEGAL_FROM_STATUS",
    });
  });

  it("reads erasure from the request's details", () => {
    expect(asksForErasure("SUSPENSION_ERASURE", { action: "ERASE" })).toBe(true);
    expect(asksForErasure("SUSPENSION_ERASURE", { action: "SUSPEND" })).toBe(false);
    expect(asksForErasure("DISCLOSURE", { action: "ERASE" })).toBe(false);
    expect(asksForErasure("SUSPENSION_ERASURE", null)).toBe(false);
    expect(asksForErasure("SUSPENSION_ERASURE", "ERASE")).toBe(false);
  });

  const pending = { requestedById: "asker", decision: "PENDING" } as const;

  it("lets only someone else with the permission decide a pending approval", () => {
    expect(
      checkApprovalDecision({ ...pending, deciderId: "other", deciderRole: "MANAGER" }),
    ).toEqual({ ok: true });
    expect(checkApprovalDecision({ ...pending, deciderId: "other", deciderRole: "ADMIN" })).toEqual(
      {
        ok: true,
      },
    );
  });

  it("refuses self-approval, even to a manager", () => {
    for (const deciderRole of ["MANAGER", "ADMIN"] as const)
      expect(checkApprovalDecision({ ...pending, deciderId: "asker", deciderRole })).toEqual({
        ok: false,
        reason: "SELF_APPROVAL",
      });
  });

  it("refuses deciding twice", () => {
    for (const decision of ["APPROVED", "REJECTED"] as const)
      expect(
        checkApprovalDecision({
          requestedById: "asker",
          decision,
          deciderId: "other",
          deciderRole: "MANAGER",
        }),
      ).toEqual({ ok: false, reason: "ALREADY_DECIDED" });
  });

  it("refuses roles without the approval permission before anything else", () => {
    for (const deciderRole of Object.values(Role).filter((r) => r !== "MANAGER" && r !== "ADMIN"))
      for (const deciderId of ["asker", "other"])
        expect(checkApprovalDecision({ ...pending, deciderId, deciderRole })).toEqual({
          ok: false,
          reason: "FORBIDDEN",
        });
  });
});

describe("APPI Art.33(3) outcomes", () => {
  it("'no such data held' answers disclosure and provision records; 'another method' only disclosure", () => {
    for (const type of TYPES) {
      expect(outcomeFits(type, "NO_DATA_HELD")).toBe(
        type === "DISCLOSURE" || type === "PROVISION_RECORDS",
      );
      expect(outcomeFits(type, "DISCLOSED_OTHER_METHOD")).toBe(type === "DISCLOSURE");
      expect(outcomeFits(type, "FULFILLED")).toBe(true);
    }
  });

  it("completes directly, without a second person, and only for the types it fits", () => {
    const ctx = (type: (typeof TYPES)[number]) => ({ type, erasure: false });
    expect(
      checkTransition("complete", "IN_PROGRESS", "NO_DATA_HELD", ctx("DISCLOSURE")),
    ).toMatchObject({ ok: true });
    expect(
      checkTransition("complete", "IN_PROGRESS", "DISCLOSED_OTHER_METHOD", ctx("DISCLOSURE")),
    ).toMatchObject({ ok: true });
    expect(checkTransition("complete", "IN_PROGRESS", "NO_DATA_HELD", ctx("CORRECTION"))).toEqual({
      ok: false,
      reason: "OUTCOME_NOT_ALLOWED",
    });
    expect(
      checkTransition(
        "complete",
        "IN_PROGRESS",
        "DISCLOSED_OTHER_METHOD",
        ctx("PROVISION_RECORDS"),
      ),
    ).toEqual({ ok: false, reason: "OUTCOME_NOT_ALLOWED" });
  });
});

describe("refusal grounds per request type", () => {
  it("offers each type the grounds the law gives it", () => {
    expect(groundsFor("CORRECTION")).toContain("CONTENT_NOT_UNTRUE");
    expect(groundsFor("CORRECTION")).not.toContain("NOT_WITHIN_GROUNDS");
    for (const type of ["SUSPENSION_ERASURE", "STOP_PROVISION"] as const) {
      expect(groundsFor(type)).toContain("NOT_WITHIN_GROUNDS");
      expect(groundsFor(type)).not.toContain("CONTENT_NOT_UNTRUE");
    }
    // APPI Art.33(2)(i)-(iii) for disclosure and provision records (Art.33(5)).
    for (const type of ["DISCLOSURE", "PROVISION_RECORDS"] as const) {
      expect(groundsFor(type)).toEqual([
        "HARM_TO_PERSON",
        "BUSINESS_DISRUPTION",
        "VIOLATES_OTHER_LAW",
        "IDENTITY_NOT_VERIFIED",
      ]);
    }
    // APPI Art.32(2): already clear from what is published, or Art.21(4)(i)-(iii).
    expect(groundsFor("PURPOSE_NOTIFICATION")).toEqual([
      "PURPOSE_ALREADY_CLEAR",
      "HARM_TO_PERSON",
      "HARM_TO_BUSINESS_INTERESTS",
      "STATE_AFFAIRS",
      "IDENTITY_NOT_VERIFIED",
    ]);
  });

  it("offers 'manifestly unfounded or excessive' only where the law has it, and CCPA's deletion exceptions only in California", () => {
    for (const type of TYPES) {
      expect(groundsFor(type, ["JP"])).not.toContain("MANIFESTLY_UNFOUNDED");
      expect(groundsFor(type, ["KR", "BR"])).not.toContain("MANIFESTLY_UNFOUNDED");
      for (const j of ["EU", "UK", "US_CA"] as const)
        expect(groundsFor(type, ["JP", j])).toContain("MANIFESTLY_UNFOUNDED");
      expect(groundsApply(type, ["JP"], ["MANIFESTLY_UNFOUNDED"])).toBe(false);
    }
    expect(groundsFor("SUSPENSION_ERASURE", ["JP", "US_CA"])).toContain("CCPA_DELETION_EXCEPTION");
    expect(groundsFor("SUSPENSION_ERASURE", ["JP", "EU"])).not.toContain("CCPA_DELETION_EXCEPTION");
    expect(groundsFor("DISCLOSURE", ["US_CA"])).not.toContain("CCPA_DELETION_EXCEPTION");
  });

  it("keeps CONTENT_NOT_UNTRUE for corrections and NOT_WITHIN_GROUNDS for suspension and stop only", () => {
    const all = ["JP", "EU", "UK", "US_CA", "KR", "BR"] as const;
    for (const type of TYPES) {
      expect(groundsApply(type, all, ["CONTENT_NOT_UNTRUE"])).toBe(type === "CORRECTION");
      expect(groundsApply(type, all, ["NOT_WITHIN_GROUNDS"])).toBe(
        type === "SUSPENSION_ERASURE" || type === "STOP_PROVISION",
      );
      // Under the GDPR every type may be refused as manifestly unfounded or for want of identity.
      expect(groundsApply(type, ["EU"], ["MANIFESTLY_UNFOUNDED", "IDENTITY_NOT_VERIFIED"])).toBe(
        true,
      );
      expect(groundsApply(type, all, groundsFor(type, all))).toBe(true);
      expect(groundsApply(type, ["JP"], [])).toBe(true);
    }
  });

  it("covers every ground of the schema and offers each one to some type", () => {
    // A ground added to the schema fails here until refusal-grounds.ts places it.
    expect([...REFUSAL_GROUNDS].sort()).toEqual(Object.values(RefusalGround).sort());
    const all = ["JP", "EU", "UK", "US_CA", "KR", "BR"] as const;
    const offered = new Set(TYPES.flatMap((type) => groundsFor(type, all)));
    expect([...offered].sort()).toEqual([...REFUSAL_GROUNDS].sort());
  });
});

describe("timeline labels", () => {
  it("every transition and every other event kind has a label in both catalogues", async () => {
    const { ja } = await import("@/lib/i18n/messages/ja");
    const { en } = await import("@/lib/i18n/messages/en");
    // Events written outside the lifecycle (filing, assignment, fulfilment tasks).
    const others = [
      "submitted",
      "acknowledged",
      "assigned",
      "taskCreated",
      "taskSucceeded",
      "taskFailed",
      "taskCancelled",
      "taskRetried",
      "reminderDue3",
      "reminderOverdue",
      "reminderExtensionNotice",
      "extensionProposed",
      "extended",
      "extensionRejected",
    ];
    for (const kind of [...NAMES, ...others]) {
      expect(ja.event, kind).toHaveProperty(kind);
      expect(en.event, kind).toHaveProperty(kind);
    }
  });
});
