import type { RequestType } from "@/lib/generated/prisma/enums";

// The staff's message templates: which exist and which request types each fits. The default text
// of each is in the `decisions.templates` catalogue section; a MessageTemplate row with the same
// key and language overrides it (managers edit those).

const ALL = "all" as const;

export const TEMPLATES = {
  acknowledgement: ALL,
  identityResubmission: ALL,
  moreInformation: ALL,
  completionDisclosure: ["DISCLOSURE"],
  completionProvisionRecords: ["PROVISION_RECORDS"],
  completionPurposeNotification: ["PURPOSE_NOTIFICATION"],
  completionCorrection: ["CORRECTION"],
  completionSuspensionErasure: ["SUSPENSION_ERASURE"],
  completionStopProvision: ["STOP_PROVISION"],
  refusal: ALL,
  extensionNotice: ALL,
} as const satisfies Record<string, "all" | readonly RequestType[]>;

export type TemplateKey = keyof typeof TEMPLATES;

export const TEMPLATE_KEYS = Object.keys(TEMPLATES) as TemplateKey[];

/** The templates that fit a request of this type, in the order staff see them. */
export function templatesFor(type: RequestType): TemplateKey[] {
  return TEMPLATE_KEYS.filter((key) => {
    const types: "all" | readonly RequestType[] = TEMPLATES[key];
    return types === "all" || types.includes(type);
  });
}

/** A template as staff pick it: in the request's language, placeholders filled in. */
export interface FilledTemplate {
  key: TemplateKey;
  subject: string;
  body: string;
}
