import { can, type Permission } from "@/lib/auth/permissions";
import type { Outcome, RequestStatus, RequestType, Role } from "@/lib/generated/prisma/enums";

// The request lifecycle: the one place that says which status may follow which, who may move it
// and what the requester sees. Pages and actions never set `status` by hand (lib/requests/transition.ts).

export const OPEN_STATUSES = [
  "SUBMITTED",
  "AWAITING_IDENTITY",
  "IDENTITY_REVIEW",
  "IN_PROGRESS",
  "NEEDS_INFO",
  "AWAITING_FEE",
  "AWAITING_APPROVAL",
] as const satisfies readonly RequestStatus[];

export interface TransitionRule {
  from: readonly RequestStatus[];
  to: RequestStatus;
  permission: Permission;
  /** Whether the event shows on the requester's timeline. */
  visibleToRequester: boolean;
  /** Outcomes this transition may close with; absent = it does not close the request. */
  outcomes?: readonly Outcome[];
}

export const TRANSITIONS = {
  requestIdentityDocuments: {
    from: ["SUBMITTED", "IDENTITY_REVIEW"],
    to: "AWAITING_IDENTITY",
    permission: "request:verify-identity",
    visibleToRequester: true,
  },
  verifyIdentity: {
    from: ["SUBMITTED", "AWAITING_IDENTITY", "IDENTITY_REVIEW"],
    to: "IN_PROGRESS",
    permission: "request:verify-identity",
    visibleToRequester: true,
  },
  closeUnverifiable: {
    from: ["SUBMITTED", "AWAITING_IDENTITY", "IDENTITY_REVIEW"],
    to: "COMPLETED",
    permission: "request:verify-identity",
    visibleToRequester: true,
    outcomes: ["UNVERIFIABLE"],
  },
  complete: {
    from: ["IN_PROGRESS"],
    to: "COMPLETED",
    permission: "request:complete",
    visibleToRequester: true,
    outcomes: ["FULFILLED", "PARTIALLY_FULFILLED", "NO_DATA_HELD", "DISCLOSED_OTHER_METHOD"],
  },
  // Identity documents did not do: the requester is told what is wrong and sends new ones.
  requestResubmission: {
    from: ["SUBMITTED", "AWAITING_IDENTITY", "IDENTITY_REVIEW"],
    to: "AWAITING_IDENTITY",
    permission: "request:verify-identity",
    visibleToRequester: true,
  },
  // New documents arrived while the request waited for them: back to staff for review. No mail:
  // the requester has just acted (lib/data/identity/resume-review.ts).
  identityDocumentsReceived: {
    from: ["AWAITING_IDENTITY"],
    to: "IDENTITY_REVIEW",
    permission: "request:file",
    visibleToRequester: false,
  },
  // Outcomes that need a second person (needsApproval) wait for one; the proposal is kept on the
  // Approval row and applied by `approve`.
  submitForApproval: {
    from: ["IN_PROGRESS"],
    to: "AWAITING_APPROVAL",
    permission: "request:complete",
    visibleToRequester: false,
  },
  approve: {
    from: ["AWAITING_APPROVAL"],
    to: "COMPLETED",
    permission: "request:approve",
    visibleToRequester: true,
    outcomes: ["FULFILLED", "PARTIALLY_FULFILLED", "REFUSED"],
  },
  rejectApproval: {
    from: ["AWAITING_APPROVAL"],
    to: "IN_PROGRESS",
    permission: "request:approve",
    visibleToRequester: false,
  },
  askForInfo: {
    from: ["SUBMITTED", "AWAITING_IDENTITY", "IDENTITY_REVIEW", "IN_PROGRESS"],
    to: "NEEDS_INFO",
    permission: "request:message-any",
    visibleToRequester: true,
  },
  // The requester's answer returns the request to where it belongs: fulfilment once identity is
  // verified, identity review before that (lib/data/messages/send-message.ts picks which).
  provideInfo: {
    from: ["NEEDS_INFO"],
    to: "IN_PROGRESS",
    permission: "request:message-own",
    visibleToRequester: true,
  },
  provideInfoBeforeVerification: {
    from: ["NEEDS_INFO"],
    to: "IDENTITY_REVIEW",
    permission: "request:message-own",
    visibleToRequester: true,
  },
  // A fee the law allows (lib/requests/fees.ts feeBases), asked once identity is verified; the
  // request waits until staff record it paid (the clock restarts where the law says so:
  // lib/data/requests/legal-clock.ts) or waive it (lib/data/requests/fees.ts).
  askForFee: {
    from: ["IN_PROGRESS"],
    to: "AWAITING_FEE",
    permission: "request:complete",
    visibleToRequester: true,
  },
  feeReceived: {
    from: ["AWAITING_FEE"],
    to: "IN_PROGRESS",
    permission: "request:complete",
    visibleToRequester: true,
  },
  waiveFee: {
    from: ["AWAITING_FEE"],
    to: "IN_PROGRESS",
    permission: "request:complete",
    visibleToRequester: true,
  },
  withdraw: {
    from: OPEN_STATUSES,
    to: "WITHDRAWN",
    permission: "request:withdraw-own",
    visibleToRequester: true,
  },
} as const satisfies Record<string, TransitionRule>;

export type TransitionName = keyof typeof TRANSITIONS;

export type TransitionCheck =
  | { ok: true; rule: TransitionRule }
  | {
      ok: false;
      reason:
        | "ILLEGAL_FROM_STATUS"
        | "OUTCOME_NOT_ALLOWED"
        | "OUTCOME_REQUIRED"
        | "APPROVAL_REQUIRED"
        | "APPROVAL_NOT_NEEDED";
    };

/** What the approval rule needs to know about the request (absent: the rule is not checked). */
export interface ApprovalContext {
  type: RequestType;
  erasure: boolean;
}

/** Whether a request's details ask for erasure (SUSPENSION_ERASURE with action ERASE). */
export function asksForErasure(type: RequestType, details: unknown): boolean {
  return (
    type === "SUSPENSION_ERASURE" &&
    typeof details === "object" &&
    details !== null &&
    (details as { action?: unknown }).action === "ERASE"
  );
}

/**
 * Outcomes only some request types can have (APPI Art.33(3), applied to provision records by
 * Art.33(5)): "no such data held" answers a disclosure or a provision-records request, "disclosed
 * by another method" only a disclosure. Every other outcome fits every type.
 */
const OUTCOME_TYPES: Partial<Record<Outcome, readonly RequestType[]>> = {
  NO_DATA_HELD: ["DISCLOSURE", "PROVISION_RECORDS"],
  DISCLOSED_OTHER_METHOD: ["DISCLOSURE"],
};

export function outcomeFits(type: RequestType, outcome: Outcome): boolean {
  return OUTCOME_TYPES[outcome]?.includes(type) ?? true;
}

export function checkTransition(
  name: TransitionName,
  from: RequestStatus,
  outcome?: Outcome,
  context?: ApprovalContext,
): TransitionCheck {
  const rule: TransitionRule = TRANSITIONS[name];
  if (!rule.from.includes(from)) return { ok: false, reason: "ILLEGAL_FROM_STATUS" };
  if (rule.outcomes) {
    if (!outcome) return { ok: false, reason: "OUTCOME_REQUIRED" };
    if (!rule.outcomes.includes(outcome)) return { ok: false, reason: "OUTCOME_NOT_ALLOWED" };
    if (context && !outcomeFits(context.type, outcome))
      return { ok: false, reason: "OUTCOME_NOT_ALLOWED" };
  } else if (outcome) {
    return { ok: false, reason: "OUTCOME_NOT_ALLOWED" };
  }
  // Four eyes: an outcome that needs approval can only close through `approve`.
  if (name === "complete" && outcome && context && needsApproval({ ...context, outcome }))
    return { ok: false, reason: "APPROVAL_REQUIRED" };
  if (name === "approve" && outcome && context && !needsApproval({ ...context, outcome }))
    return { ok: false, reason: "APPROVAL_NOT_NEEDED" };
  return { ok: true, rule };
}

/**
 * Whether closing with this outcome needs a second person's approval (four eyes): any refusal,
 * full or partial, and the completion of an erasure.
 */
export function needsApproval(input: {
  type: RequestType;
  outcome: Outcome;
  erasure: boolean;
}): boolean {
  if (input.outcome === "REFUSED" || input.outcome === "PARTIALLY_FULFILLED") return true;
  return input.type === "SUSPENSION_ERASURE" && input.erasure && input.outcome === "FULFILLED";
}

/** Refusals and partial refusals must name at least one legal ground (APPI Art.36). */
export function needsGrounds(outcome: Outcome): boolean {
  return outcome === "REFUSED" || outcome === "PARTIALLY_FULFILLED";
}

export type ApprovalCheck =
  { ok: true } | { ok: false; reason: "SELF_APPROVAL" | "ALREADY_DECIDED" | "FORBIDDEN" };

/** Who may decide an approval: someone with the permission who did not ask for it, once. */
export function checkApprovalDecision(input: {
  requestedById: string;
  decision: "PENDING" | "APPROVED" | "REJECTED";
  deciderId: string;
  deciderRole: Role;
}): ApprovalCheck {
  if (!can(input.deciderRole, "request:approve")) return { ok: false, reason: "FORBIDDEN" };
  if (input.decision !== "PENDING") return { ok: false, reason: "ALREADY_DECIDED" };
  if (input.requestedById === input.deciderId) return { ok: false, reason: "SELF_APPROVAL" };
  return { ok: true };
}

export function isOpen(status: RequestStatus): boolean {
  return (OPEN_STATUSES as readonly RequestStatus[]).includes(status);
}
