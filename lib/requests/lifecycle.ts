import type { Permission } from "@/lib/auth/permissions";
import type { Outcome, RequestStatus } from "@/lib/generated/prisma/enums";

// The request lifecycle: the one place that says which status may follow which, who may move it
// and what the requester sees. Pages and actions never set `status` by hand (lib/requests/transition.ts).

export const OPEN_STATUSES = [
  "SUBMITTED",
  "AWAITING_IDENTITY",
  "IDENTITY_REVIEW",
  "IN_PROGRESS",
  "NEEDS_INFO",
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
    outcomes: ["FULFILLED", "PARTIALLY_FULFILLED"],
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
  | { ok: false; reason: "ILLEGAL_FROM_STATUS" | "OUTCOME_NOT_ALLOWED" | "OUTCOME_REQUIRED" };

export function checkTransition(
  name: TransitionName,
  from: RequestStatus,
  outcome?: Outcome,
): TransitionCheck {
  const rule: TransitionRule = TRANSITIONS[name];
  if (!rule.from.includes(from)) return { ok: false, reason: "ILLEGAL_FROM_STATUS" };
  if (rule.outcomes) {
    if (!outcome) return { ok: false, reason: "OUTCOME_REQUIRED" };
    if (!rule.outcomes.includes(outcome)) return { ok: false, reason: "OUTCOME_NOT_ALLOWED" };
  } else if (outcome) {
    return { ok: false, reason: "OUTCOME_NOT_ALLOWED" };
  }
  return { ok: true, rule };
}

export function isOpen(status: RequestStatus): boolean {
  return (OPEN_STATUSES as readonly RequestStatus[]).includes(status);
}
