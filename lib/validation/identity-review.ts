import { z } from "@/lib/validation/zod";

import { IDENTITY_CHECKS, RESUBMISSION_REASONS, UNVERIFIABLE_REASONS } from "./choices";
export { IDENTITY_CHECKS, RESUBMISSION_REASONS, UNVERIFIABLE_REASONS };

import { ZVerifyIdentity } from "./requests";

// The staff identity-review decisions, shared by the panel's forms (zodResolver) and the server
// actions. Messages are catalogue keys (sections/review.ts).

export type TIdentityCheck = (typeof IDENTITY_CHECKS)[number];

/** Set by the My Number flag only: never picked by hand, so it is not in the form's list. */
export const MY_NUMBER_REASON = "MY_NUMBER_VISIBLE";
export type TResubmissionReason = (typeof RESUBMISSION_REASONS)[number] | typeof MY_NUMBER_REASON;

const reference = z.string().regex(/^R-\d{4}-\d{6}$/, "validation.invalid");
const text = (max: number) =>
  z.string().trim().min(1, "validation.required").max(max, "validation.noteTooLong");

export const ZIdentityChecks = z.object({
  subject: z.boolean(),
  agent: z.boolean(),
  authority: z.boolean(),
});
export type TIdentityChecks = z.infer<typeof ZIdentityChecks>;

/** Which checklists a request needs before it may be verified. */
export function requiredChecks(filerRole: "SELF" | "LEGAL_REPRESENTATIVE" | "APPOINTED_AGENT") {
  return filerRole === "SELF" ? (["subject"] as const) : IDENTITY_CHECKS;
}

/**
 * Verified, with what was checked. `agent` says whether the request was filed by an agent, so
 * the form can require all three checklists; the data layer decides from the request itself.
 */
export const ZVerifyIdentityReview = ZVerifyIdentity.extend({
  agent: z.boolean(),
  checks: ZIdentityChecks,
}).superRefine((value, ctx) => {
  const needed = requiredChecks(value.agent ? "APPOINTED_AGENT" : "SELF");
  for (const check of needed) {
    if (!value.checks[check])
      ctx.addIssue({ code: "custom", path: ["checks", check], message: "review.errors.check" });
  }
});
export type TVerifyIdentityReview = z.infer<typeof ZVerifyIdentityReview>;

export const ZRequestResubmission = z.object({
  reference,
  reasons: z
    .array(z.enum(RESUBMISSION_REASONS))
    .min(1, "review.errors.reasons")
    .max(RESUBMISSION_REASONS.length),
  message: text(2000),
});
export type TRequestResubmission = z.infer<typeof ZRequestResubmission>;

export const ZCloseUnverifiable = z.object({
  reference,
  reason: z.enum(UNVERIFIABLE_REASONS, "review.errors.reason"),
  explanation: text(2000),
});
export type TCloseUnverifiable = z.infer<typeof ZCloseUnverifiable>;

export const ZFlagMyNumber = z.object({
  // An opaque cuid; the data layer looks it up, so a tampered id is simply not found.
  documentId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "validation.invalid"),
  confirm: z.literal(true, "review.errors.confirmFlag"),
});
export type TFlagMyNumber = z.infer<typeof ZFlagMyNumber>;
