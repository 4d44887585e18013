// The legal core's vocabulary: what a person may ask for and to whom data may go. Validation,
// forms, engines and queries import these lists; the Prisma enums hold the same values.

/** The six requests APPI Art. 32-35 gives (Art. 33(5) provision records, Art. 32(2) purposes). */
export const REQUEST_TYPES = [
  "DISCLOSURE",
  "PROVISION_RECORDS",
  "PURPOSE_NOTIFICATION",
  "CORRECTION",
  "SUSPENSION_ERASURE",
  "STOP_PROVISION",
] as const;
export type TRequestType = (typeof REQUEST_TYPES)[number];

/** Who received data: the ledger's classes (APPI Art. 27-29 and the law-enforcement exception). */
export const RECIPIENT_CLASSES = [
  "THIRD_PARTY",
  "GROUP_COMPANY",
  "FOREIGN_THIRD_PARTY",
  "PROCESSOR",
  "LAW_ENFORCEMENT",
] as const;
export type TRecipientClass = (typeof RECIPIENT_CLASSES)[number];

/**
 * The classes a person may ask to stop providing to or using for (Art. 35): every class but law
 * enforcement, whose provision the law itself requires (Art. 27(1)(i)).
 */
export const STOPPABLE_RECIPIENT_CLASSES = [
  "THIRD_PARTY",
  "GROUP_COMPANY",
  "FOREIGN_THIRD_PARTY",
  "PROCESSOR",
] as const satisfies readonly TRecipientClass[];
