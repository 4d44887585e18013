import type { Outcome, RefusalGround, RequestStatus } from "@/lib/generated/prisma/enums";

import { formatDrpTime } from "./time";

// A portal request as DRP's Exercise Status (0.9 §3.02, §3.03). The portal runs its own endpoints,
// so a request is never "open": it is in_progress from the moment it is received (the spec's
// advice for a covered business without a separate infrastructure provider), with expected_by the
// legal deadline (an extension moves it). processing_details never carries personal data or staff
// notes: it says in a fixed sentence where the request stands.

export const DRP_STATUSES = [
  "open",
  "in_progress",
  "fulfilled",
  "revoked",
  "denied",
  "expired",
] as const;
export type DrpStatus = (typeof DRP_STATUSES)[number];

export const DRP_REASONS = [
  "need_user_verification",
  "suspected_fraud",
  "insuf_verification",
  "no_match",
  "claim_not_covered",
  "outside_jurisdiction",
  "too_many_requests",
  "other",
] as const;
export type DrpReason = (typeof DRP_REASONS)[number];

export interface ExerciseStatus {
  request_id: string;
  status: DrpStatus;
  reason?: DrpReason;
  received_at: string;
  expected_by?: string;
  processing_details?: string;
  agent_request_id?: string;
}

export interface StatusSource {
  drpId: string;
  agentRequestId: string | null;
  status: RequestStatus;
  outcome: Outcome | null;
  refusalGrounds: RefusalGround[];
  receivedAt: Date;
  dueAt: Date;
  extendedDueAt: Date | null;
}

const IN_PROGRESS_DETAILS: Partial<Record<RequestStatus, string>> = {
  SUBMITTED: "Received; the agent's identity attestation is being reviewed.",
  IDENTITY_REVIEW: "Received; the agent's identity attestation is being reviewed.",
  AWAITING_IDENTITY:
    "More evidence of identity is needed; the privacy desk will contact the agent or the person.",
  NEEDS_INFO: "The privacy desk has asked for more information.",
  AWAITING_FEE: "Waiting for the fee the law allows for this request.",
  IN_PROGRESS: "Identity verified; the request is being carried out.",
  AWAITING_APPROVAL: "The answer is being reviewed before it is sent.",
};

/** Why a closed request was not (fully) carried out, in DRP's reasons. */
function deniedReason(outcome: Outcome | null, grounds: RefusalGround[]): DrpReason {
  if (outcome === "UNVERIFIABLE" || grounds.includes("IDENTITY_NOT_VERIFIED"))
    return "insuf_verification";
  if (outcome === "NO_DATA_HELD") return "no_match";
  if (grounds.includes("MANIFESTLY_UNFOUNDED")) return "too_many_requests";
  if (grounds.includes("CCPA_DELETION_EXCEPTION") || grounds.includes("NOT_WITHIN_GROUNDS"))
    return "claim_not_covered";
  return "other";
}

export function toExerciseStatus(source: StatusSource): ExerciseStatus {
  const base = {
    request_id: source.drpId,
    received_at: formatDrpTime(source.receivedAt),
    ...(source.agentRequestId ? { agent_request_id: source.agentRequestId } : {}),
  };
  if (source.status === "WITHDRAWN") return { ...base, status: "revoked" };
  if (source.status === "COMPLETED") {
    const fulfilled =
      source.outcome === "FULFILLED" ||
      source.outcome === "DISCLOSED_OTHER_METHOD" ||
      source.outcome === "PARTIALLY_FULFILLED";
    if (fulfilled)
      return {
        ...base,
        status: "fulfilled",
        processing_details:
          source.outcome === "PARTIALLY_FULFILLED"
            ? "Carried out in part; the answer to the person gives the legal grounds for the rest."
            : "Carried out; the answer was delivered to the person through the privacy center.",
      };
    const reason = deniedReason(source.outcome, source.refusalGrounds);
    return {
      ...base,
      status: "denied",
      reason,
      processing_details:
        reason === "no_match"
          ? "No personal data of this person is held."
          : reason === "insuf_verification"
            ? "The person's identity could not be verified."
            : "Refused on legal grounds, given to the person with where to complain.",
    };
  }
  return {
    ...base,
    status: "in_progress",
    expected_by: formatDrpTime(source.extendedDueAt ?? source.dueAt),
    processing_details:
      (source.extendedDueAt ? "The deadline was extended as the law allows. " : "") +
      (IN_PROGRESS_DETAILS[source.status] ?? "In progress."),
  };
}
