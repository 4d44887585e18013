import type { RefusalGround, RequestType } from "@/lib/generated/prisma/enums";

// Which legal grounds a refusal (or partial refusal) of each request type may rest on. The one
// place this is decided: the decision form offers these, the zod schema and the data layer refuse
// any other (APPI Art.36 requires the reasons to be explained to the person).

export const REFUSAL_GROUNDS = [
  "HARM_TO_PERSON",
  "BUSINESS_DISRUPTION",
  "VIOLATES_OTHER_LAW",
  "CONTENT_NOT_UNTRUE",
  "NOT_WITHIN_GROUNDS",
  "IDENTITY_NOT_VERIFIED",
  "MANIFESTLY_UNFOUNDED",
] as const satisfies readonly RefusalGround[];

// Open to every type: the identity (or an agent's authority) could not be established after all,
// and manifestly unfounded or excessive requests (GDPR Art.12(5)).
const ANY_TYPE = ["IDENTITY_NOT_VERIFIED", "MANIFESTLY_UNFOUNDED"] as const;

const BY_TYPE: Record<RequestType, readonly RefusalGround[]> = {
  // Art.33(2)(i)-(iii), applied to provision records by Art.33(5).
  DISCLOSURE: ["HARM_TO_PERSON", "BUSINESS_DISRUPTION", "VIOLATES_OTHER_LAW", ...ANY_TYPE],
  PROVISION_RECORDS: ["HARM_TO_PERSON", "BUSINESS_DISRUPTION", "VIOLATES_OTHER_LAW", ...ANY_TYPE],
  // Art.32(2) with the exceptions of Art.21(4).
  PURPOSE_NOTIFICATION: [
    "HARM_TO_PERSON",
    "BUSINESS_DISRUPTION",
    "VIOLATES_OTHER_LAW",
    ...ANY_TYPE,
  ],
  // Art.34: correction is owed only where the content is untrue; other laws may set their own
  // procedure.
  CORRECTION: ["CONTENT_NOT_UNTRUE", "VIOLATES_OTHER_LAW", ...ANY_TYPE],
  // Art.35: owed only within the statutory grounds and "to the extent necessary"; where it costs
  // too much or is hard, an alternative measure may be taken (Art.35(2),(4),(6)); laws that
  // require keeping the data prevail.
  SUSPENSION_ERASURE: [
    "NOT_WITHIN_GROUNDS",
    "BUSINESS_DISRUPTION",
    "VIOLATES_OTHER_LAW",
    ...ANY_TYPE,
  ],
  STOP_PROVISION: ["NOT_WITHIN_GROUNDS", "BUSINESS_DISRUPTION", "VIOLATES_OTHER_LAW", ...ANY_TYPE],
};

/** The grounds a refusal of this request type may name, in the order the form shows them. */
export function groundsFor(type: RequestType): RefusalGround[] {
  const allowed = BY_TYPE[type];
  return REFUSAL_GROUNDS.filter((g) => allowed.includes(g));
}

/** Whether every ground applies to this request type. */
export function groundsApply(type: RequestType, grounds: readonly RefusalGround[]): boolean {
  const allowed = BY_TYPE[type];
  return grounds.every((g) => allowed.includes(g));
}
