import type { Jurisdiction, RefusalGround, RequestType } from "@/lib/generated/prisma/enums";

// Which legal grounds a refusal (or partial refusal) may rest on, by request type and by the laws
// the request answers to. The one place this is decided: the decision form offers these, the zod
// schema and the data layer refuse any other (APPI Art.36 requires the reasons to be explained to
// the person; docs/legal.md gives each ground's source).

export const REFUSAL_GROUNDS = [
  "PURPOSE_ALREADY_CLEAR",
  "HARM_TO_PERSON",
  "HARM_TO_BUSINESS_INTERESTS",
  "STATE_AFFAIRS",
  "BUSINESS_DISRUPTION",
  "VIOLATES_OTHER_LAW",
  "CONTENT_NOT_UNTRUE",
  "NOT_WITHIN_GROUNDS",
  "CCPA_DELETION_EXCEPTION",
  "IDENTITY_NOT_VERIFIED",
  "MANIFESTLY_UNFOUNDED",
] as const satisfies readonly RefusalGround[];

// Open to every type: the identity (or an agent's authority) could not be established after all,
// and requests manifestly unfounded or excessive (only where the law has that ground, below).
const ANY_TYPE = ["IDENTITY_NOT_VERIFIED", "MANIFESTLY_UNFOUNDED"] as const;

const BY_TYPE: Record<RequestType, readonly RefusalGround[]> = {
  // Art.33(2)(i)-(iii), applied to provision records by Art.33(5).
  DISCLOSURE: ["HARM_TO_PERSON", "BUSINESS_DISRUPTION", "VIOLATES_OTHER_LAW", ...ANY_TYPE],
  PROVISION_RECORDS: ["HARM_TO_PERSON", "BUSINESS_DISRUPTION", "VIOLATES_OTHER_LAW", ...ANY_TYPE],
  // Art.32(2): the purpose is already clear from what is published (Art.32(1)), or one of the
  // exceptions of Art.21(4)(i)-(iii) applies.
  PURPOSE_NOTIFICATION: [
    "PURPOSE_ALREADY_CLEAR",
    "HARM_TO_PERSON",
    "HARM_TO_BUSINESS_INTERESTS",
    "STATE_AFFAIRS",
    ...ANY_TYPE,
  ],
  // Art.34: correction is owed only where the content is untrue; other laws may set their own
  // procedure.
  CORRECTION: ["CONTENT_NOT_UNTRUE", "VIOLATES_OTHER_LAW", ...ANY_TYPE],
  // Art.35: owed only within the statutory grounds and "to the extent necessary"; where it costs
  // too much or is hard, an alternative measure may be taken (Art.35(2),(4),(6)); laws that
  // require keeping the data prevail. CCPA §1798.105(d) lists the exceptions to deletion.
  SUSPENSION_ERASURE: [
    "NOT_WITHIN_GROUNDS",
    "BUSINESS_DISRUPTION",
    "VIOLATES_OTHER_LAW",
    "CCPA_DELETION_EXCEPTION",
    ...ANY_TYPE,
  ],
  STOP_PROVISION: ["NOT_WITHIN_GROUNDS", "BUSINESS_DISRUPTION", "VIOLATES_OTHER_LAW", ...ANY_TYPE],
};

/**
 * Grounds only some laws have. "Manifestly unfounded or excessive": GDPR Art.12(5), UK GDPR
 * Art.12(5), CCPA §1798.145(h)(3); APPI, PIPA and the LGPD have no such ground. The CCPA's
 * deletion exceptions apply to California residents only.
 */
const ONLY_UNDER: Partial<Record<RefusalGround, readonly Jurisdiction[]>> = {
  MANIFESTLY_UNFOUNDED: ["EU", "UK", "US_CA"],
  CCPA_DELETION_EXCEPTION: ["US_CA"],
};

/**
 * Where the law lets the organisation charge a reasonable fee instead of refusing a manifestly
 * unfounded or excessive request (GDPR and UK GDPR Art.12(5)(a), CCPA §1798.145(h)(3)).
 */
export const FEE_ALTERNATIVE: readonly Jurisdiction[] = ["EU", "UK", "US_CA"];

function allowedUnder(ground: RefusalGround, jurisdictions: readonly Jurisdiction[]): boolean {
  const only = ONLY_UNDER[ground];
  return !only || jurisdictions.some((j) => only.includes(j));
}

/** The grounds a refusal of this request, under these laws, may name, in the order the form shows them. */
export function groundsFor(
  type: RequestType,
  jurisdictions: readonly Jurisdiction[] = ["JP"],
): RefusalGround[] {
  const allowed = BY_TYPE[type];
  return REFUSAL_GROUNDS.filter((g) => allowed.includes(g) && allowedUnder(g, jurisdictions));
}

/** Whether every ground applies to this request type under these laws. */
export function groundsApply(
  type: RequestType,
  jurisdictions: readonly Jurisdiction[],
  grounds: readonly RefusalGround[],
): boolean {
  const allowed = groundsFor(type, jurisdictions);
  return grounds.every((g) => allowed.includes(g));
}

/**
 * The grounds for withholding one item from a disclosure that is otherwise given (a partial
 * disclosure): APPI Art.33(2)(i)-(iii), of which (i) also covers GDPR Art.15(4), the rights and
 * freedoms of others.
 */
export const ITEM_WITHHOLDING_GROUNDS = [
  "HARM_TO_PERSON",
  "BUSINESS_DISRUPTION",
  "VIOLATES_OTHER_LAW",
] as const satisfies readonly RefusalGround[];
export type TItemWithholdingGround = (typeof ITEM_WITHHOLDING_GROUNDS)[number];
