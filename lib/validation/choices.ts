// The closed lists the forms offer and the schemas accept, without zod: client components import
// them from here, so a page's first load does not carry zod (issue 15's 150 kB budget). The
// schemas (which do need zod) reach the browser only when a form is first used, through
// components/forms/lazy-resolver.ts.

export { JURISDICTIONS } from "@/lib/requests/jurisdiction";

export const DECISION_OUTCOMES = [
  "FULFILLED",
  "PARTIALLY_FULFILLED",
  "REFUSED",
  "NO_DATA_HELD",
  "DISCLOSED_OTHER_METHOD",
] as const;

export const FEE_SETTLEMENTS = ["PAID", "WAIVED"] as const;

export const ENTRY_CHANNELS = ["PHONE", "POST", "EMAIL", "IN_PERSON"] as const;

export const DISCLOSURE_METHODS = ["JSON", "CSV", "PDF", "PAPER"] as const;
export const REPLY_METHODS = ["EMAIL", "PAPER"] as const;
export const CORRECTION_ACTIONS = ["CORRECT", "ADD", "DELETE"] as const;
export const ERASURE_GROUNDS = [
  "NO_LONGER_NEEDED",
  "UNLAWFUL_USE",
  "LEAK",
  "HARM_TO_RIGHTS",
  "OTHER",
] as const;
/**
 * Why provision to third parties should stop: APPI Art.35(3) (provided without the consent
 * Art.27(1) or Art.28 requires) and Art.35(5) (no longer needed, a leak, harm to rights).
 */
export const STOP_PROVISION_GROUNDS = [
  "PROVIDED_WITHOUT_CONSENT",
  "NO_LONGER_NEEDED",
  "LEAK",
  "HARM_TO_RIGHTS",
  "OTHER",
] as const;

export const DEADLINE_UNITS = ["CALENDAR_DAYS", "BUSINESS_DAYS", "MONTHS"] as const;
export const STAFF_ROLE_CHOICES = ["STAFF", "MANAGER", "ADMIN"] as const;
/** APPI Art.38 asks for a reasonable fee; the cap stops a typo from charging a fortune. */
export const MAX_FEE_YEN = 100_000;

export const API_SCOPES = [
  "PUSH_DATA",
  "PUSH_PROVISIONS",
  "PUSH_RECEIPTS",
  "READ_RESTRICTIONS",
  "REPORT_TASKS",
] as const;

/** The brand form's fields, in its order (lib/validation/brand.ts checks its schema has them all). */
export const BRAND_FIELDS = [
  "nameJa",
  "nameEn",
  "portalNameJa",
  "portalNameEn",
  "departmentJa",
  "departmentEn",
  "addressJa",
  "addressEn",
  "contactEmail",
  "contactPhone",
  "brandColor",
] as const;

export const LE_BASES = ["WARRANT", "INQUIRY", "OTHER_LAW"] as const;

export const LE_DECISIONS = ["DISCLOSED", "PARTIAL", "REFUSED"] as const;

/** Today's date in Japan time (the register's calendar), as YYYY-MM-DD. */
export function todayInJapan(now: Date = new Date()): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}

export const TRANSFER_SAFEGUARDS = [
  "ADEQUACY",
  "STANDARD_CLAUSES",
  "BINDING_CORPORATE_RULES",
  "CODE_OR_CERTIFICATION",
  "DEROGATION",
] as const;

/** Why the recipient of an EMAIL connector's task cannot do it (lib/validation/system-task.ts). */
export const DECLINE_REASONS = ["not_found", "cannot_identify", "not_possible"] as const;

export const CONNECTOR_KINDS = ["INTERNAL", "HTTP", "SQL", "EMAIL", "MANUAL"] as const;

export const DATA_CLASSES = ["ORDINARY", "SENSITIVE", "INFORMATIVE"] as const;

/**
 * The organisation's public statements in its own words (Organisation, both languages), shown on
 * the transparency page and, where the notice has the element, in the privacy notice.
 */
export const STATEMENT_FIELDS = [
  "complaintDeskJa",
  "complaintDeskEn",
  "offlineFilingJa",
  "offlineFilingEn",
  "identityDocumentsNoteJa",
  "identityDocumentsNoteEn",
  "securityMeasuresJa",
  "securityMeasuresEn",
  "processorOversightJa",
  "processorOversightEn",
  "lawEnforcementPolicyJa",
  "lawEnforcementPolicyEn",
  "automatedDecisionsJa",
  "automatedDecisionsEn",
] as const;

/** How data of a category is obtained, as the privacy notice declares it (DataSource). */
export const DATA_SOURCES = ["DIRECT", "AUTOMATIC", "THIRD_PARTY", "PUBLIC"] as const;

/** How staff told the requester that the request arrived, when no mail went with it. */
export const ACK_CHANNELS = ["POST", "PHONE", "EMAIL", "IN_PERSON"] as const;

export const EXTENSION_DUE_CHOICES = ["MAXIMUM", "DATE"] as const;

/** The three checklists; agent cases need all three, a person filing for themselves the first. */
export const IDENTITY_CHECKS = ["subject", "agent", "authority"] as const;

/** What can be wrong with the documents sent; each is review.reason.<code> in the catalogue. */
export const RESUBMISSION_REASONS = [
  "UNREADABLE",
  "EXPIRED",
  "NAME_MISMATCH",
  "BIRTH_DATE_MISMATCH",
  "ADDRESS_MISMATCH",
  "BACK_SIDE_MISSING",
  "HEALTH_INSURANCE_NOT_MASKED",
  "SECOND_DOCUMENT_MISSING",
  "AGENT_ID_MISSING",
  "AUTHORITY_PROOF_MISSING",
  "OTHER",
] as const;

/** Why identity cannot be verified; each is review.unverifiable.reason.<code> in the catalogue. */
export const UNVERIFIABLE_REASONS = [
  "NO_DOCUMENTS",
  "IDENTITY_MISMATCH",
  "AUTHORITY_NOT_PROVEN",
  "DOCUMENT_NOT_AUTHENTIC",
  "OTHER",
] as const;
