import { z } from "@/lib/validation/zod";

import { DECISION_OUTCOMES } from "./choices";
export { DECISION_OUTCOMES };

import type { Jurisdiction, RequestType } from "@/lib/generated/prisma/enums";
import { needsGrounds, outcomeFits } from "@/lib/requests/lifecycle";
import { groundsApply, REFUSAL_GROUNDS } from "@/lib/requests/refusal-grounds";

import { ZRequestRef } from "./requests";

// The staff's decision on a verified request, shared by the decision form and the actions. The
// grounds a request type allows live in lib/requests/refusal-grounds.ts; the form refines with
// them (ZDecisionFor) and the data layer checks them again against the stored request.

const note = z.string().trim().min(1, "validation.required").max(4000, "validation.noteTooLong");

const ZDecisionShape = ZRequestRef.extend({
  outcome: z.enum(DECISION_OUTCOMES, "validation.required"),
  grounds: z.array(z.enum(REFUSAL_GROUNDS, "validation.invalid")).max(REFUSAL_GROUNDS.length),
  /** The explanation the requester reads. */
  note,
});

type DecisionValues = z.infer<typeof ZDecisionShape>;

function refineGrounds(
  value: DecisionValues,
  ctx: z.RefinementCtx,
  request?: { type: RequestType; jurisdictions: readonly Jurisdiction[] },
) {
  if (needsGrounds(value.outcome) && value.grounds.length === 0)
    ctx.addIssue({ code: "custom", path: ["grounds"], message: "validation.groundsRequired" });
  if (!needsGrounds(value.outcome) && value.grounds.length > 0)
    ctx.addIssue({ code: "custom", path: ["grounds"], message: "validation.groundsNotForOutcome" });
  if (new Set(value.grounds).size !== value.grounds.length)
    ctx.addIssue({ code: "custom", path: ["grounds"], message: "validation.invalid" });
  if (request && !outcomeFits(request.type, value.outcome))
    ctx.addIssue({ code: "custom", path: ["outcome"], message: "validation.outcomeNotForType" });
  if (request && !groundsApply(request.type, request.jurisdictions, value.grounds))
    ctx.addIssue({ code: "custom", path: ["grounds"], message: "validation.groundNotForType" });
}

/** An outcome with its grounds and explanation (ask-approval and the decision form). */
export const ZDecision = ZDecisionShape.superRefine((value, ctx) => refineGrounds(value, ctx));

/** The decision form of one request: the same, with only the grounds its type and laws allow. */
export function ZDecisionFor(type: RequestType, jurisdictions: readonly Jurisdiction[]) {
  return ZDecisionShape.superRefine((value, ctx) =>
    refineGrounds(value, ctx, { type, jurisdictions }),
  );
}

export type TDecision = z.infer<typeof ZDecision>;

/** What an Approval row keeps as its proposal (validated again when applied). */
export const ZProposal = ZDecisionShape.omit({ reference: true });
export type TProposal = z.infer<typeof ZProposal>;

/** An approver's decision: approving may carry a comment; rejecting must say why. */
export const ZDecideApproval = ZRequestRef.extend({
  approvalId: z.string().min(1).max(64),
  decision: z.enum(["APPROVED", "REJECTED"], "validation.required"),
  note: z.string().trim().max(4000, "validation.noteTooLong"),
}).superRefine((value, ctx) => {
  if (value.decision === "REJECTED" && value.note === "")
    ctx.addIssue({ code: "custom", path: ["note"], message: "validation.rejectReasonRequired" });
});

export type TDecideApproval = z.infer<typeof ZDecideApproval>;
