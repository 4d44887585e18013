import { z } from "@/lib/validation/zod";

import {
  CORRECTION_ACTIONS,
  DISCLOSURE_METHODS,
  ERASURE_GROUNDS,
  REPLY_METHODS,
  STOP_PROVISION_GROUNDS,
} from "./choices";
export {
  CORRECTION_ACTIONS,
  DISCLOSURE_METHODS,
  ERASURE_GROUNDS,
  REPLY_METHODS,
  STOP_PROVISION_GROUNDS,
};

import { RESIDENCE_COUNTRIES, US_REGIONS } from "@/lib/requests/jurisdiction";
import { STOPPABLE_RECIPIENT_CLASSES } from "@/lib/requests/vocabulary";

import { ZLocale } from "./common";

// Shared by the forms (zodResolver) and the server actions: messages are catalogue keys, which
// both sides translate, so a field error reads the same wherever it is caught.

const KATAKANA = /^[\u30A0-\u30FF\u3000 ]*$/;
const today = () => new Date().toISOString().slice(0, 10);
const key = z.string().min(1).max(64);

const name = z.string().trim().min(1, "validation.required").max(50, "validation.nameTooLong");
const kana = z
  .string()
  .trim()
  .max(50, "validation.nameTooLong")
  .regex(KATAKANA, "validation.katakana");
const birthDate = z.union([
  z.literal(""),
  z.iso.date("validation.date").refine((d) => d >= "1900-01-01" && d <= today(), "validation.date"),
]);
const optionalDate = z.union([z.literal(""), z.iso.date("validation.date")]);

export const ZRequester = z.object({
  familyName: name,
  givenName: name,
  familyNameKana: kana,
  givenNameKana: kana,
  birthDate,
});

export const FILER_ROLES = ["SELF", "LEGAL_REPRESENTATIVE", "APPOINTED_AGENT"] as const;
export const RELATIONSHIPS = ["PARENT_OF_MINOR", "GUARDIAN_OF_ADULT_WARD"] as const;

const postal = z.string().trim().max(300, "validation.addressTooLong");

// For agents: the person the request is about (the signed-in agent is the requester). Names are
// required only when an agent files (checked below), so the fields may stay empty for SELF.
const ZAgentSubject = z.object({
  familyName: z.string().trim().max(50, "validation.nameTooLong"),
  givenName: z.string().trim().max(50, "validation.nameTooLong"),
  familyNameKana: kana,
  givenNameKana: kana,
  birthDate,
  relationship: z.union([z.literal(""), z.enum(RELATIONSHIPS)]),
});

// The fields every type has; `details` differs per type (below).
/** Where the person the request is about lives: it brings that place's law (lib/requests/jurisdiction.ts). */
export const ZResidence = z
  .object({
    country: z.enum(RESIDENCE_COUNTRIES, "requestForm.residence.chooseCountry"),
    region: z.string().max(8),
  })
  .superRefine((value, ctx) => {
    if (value.country === "US" && !(US_REGIONS as readonly string[]).includes(value.region))
      ctx.addIssue({
        code: "custom",
        path: ["region"],
        message: "requestForm.residence.chooseState",
      });
  })
  .transform((value) => ({ ...value, region: value.country === "US" ? value.region : "" }));

const ZCommon = z.object({
  idempotencyKey: z.uuid("validation.invalid"),
  residence: ZResidence,
  filerRole: z.enum(FILER_ROLES, "validation.required"),
  subject: ZAgentSubject,
  requester: ZRequester,
  note: z.string().trim().max(2000, "validation.noteTooLong"),
});

const ZDisclosureDetails = z.object({
  scope: z.enum(["ALL", "SELECTED"], "validation.required"),
  categoryKeys: z.array(key).max(50),
  method: z.enum(DISCLOSURE_METHODS, "validation.required"),
  postalAddress: postal,
});

const ZProvisionRecordsDetails = z.object({
  recipientKeys: z.array(key).max(100),
  from: optionalDate,
  to: optionalDate,
  method: z.enum(DISCLOSURE_METHODS, "validation.required"),
  postalAddress: postal,
});

const ZPurposeNotificationDetails = z.object({
  method: z.enum(REPLY_METHODS, "validation.required"),
  postalAddress: postal,
});

export const ZCorrectionItem = z.object({
  action: z.enum(CORRECTION_ACTIONS, "validation.required"),
  categoryKey: key,
  itemId: z.string().max(64),
  field: z.string().trim().max(100, "validation.tooLong"),
  correctedValue: z.string().trim().max(500, "validation.tooLong"),
});

const ZCorrectionDetails = z.object({
  items: z.array(ZCorrectionItem).min(1, "validation.chooseItem").max(20),
  reason: z.string().trim().min(1, "validation.required").max(2000, "validation.noteTooLong"),
});

const ZSuspensionErasureDetails = z.object({
  action: z.enum(["SUSPEND", "ERASE"], "validation.required"),
  purposeKeys: z.array(key).max(20),
  erasureScope: z.enum(["ALL", "SELECTED"]),
  categoryKeys: z.array(key).max(50),
  ground: z.enum(ERASURE_GROUNDS, "validation.required"),
  groundText: z.string().trim().max(2000, "validation.noteTooLong"),
  previewConfirmed: z.boolean(),
});

const ZStopProvisionDetails = z.object({
  recipientKeys: z.array(key).max(100),
  recipientClasses: z
    .array(z.enum(STOPPABLE_RECIPIENT_CLASSES))
    .max(STOPPABLE_RECIPIENT_CLASSES.length),
  ground: z.enum(STOP_PROVISION_GROUNDS, "validation.required"),
  groundText: z.string().trim().max(2000, "validation.noteTooLong"),
});

export const ZNewRequest = z
  .discriminatedUnion("type", [
    ZCommon.extend({ type: z.literal("DISCLOSURE"), details: ZDisclosureDetails }),
    ZCommon.extend({ type: z.literal("PROVISION_RECORDS"), details: ZProvisionRecordsDetails }),
    ZCommon.extend({
      type: z.literal("PURPOSE_NOTIFICATION"),
      details: ZPurposeNotificationDetails,
    }),
    ZCommon.extend({ type: z.literal("CORRECTION"), details: ZCorrectionDetails }),
    ZCommon.extend({ type: z.literal("SUSPENSION_ERASURE"), details: ZSuspensionErasureDetails }),
    ZCommon.extend({ type: z.literal("STOP_PROVISION"), details: ZStopProvisionDetails }),
  ])
  .superRefine((value, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: "custom", path, message });
    if (value.filerRole !== "SELF") {
      if (value.subject.familyName === "") issue(["subject", "familyName"], "validation.required");
      if (value.subject.givenName === "") issue(["subject", "givenName"], "validation.required");
    }
    if (value.filerRole === "LEGAL_REPRESENTATIVE" && value.subject.relationship === "") {
      issue(["subject", "relationship"], "validation.required");
    }
    const d = value.details as Record<string, unknown>;
    const needsAddress =
      d.method === "PAPER" && typeof d.postalAddress === "string" && d.postalAddress === "";
    if (needsAddress) issue(["details", "postalAddress"], "validation.addressRequired");
    switch (value.type) {
      case "DISCLOSURE":
        if (value.details.scope === "SELECTED" && value.details.categoryKeys.length === 0) {
          issue(["details", "categoryKeys"], "validation.chooseCategory");
        }
        break;
      case "PROVISION_RECORDS":
        if (value.details.from && value.details.to && value.details.from > value.details.to) {
          issue(["details", "to"], "validation.dateOrder");
        }
        break;
      case "CORRECTION":
        value.details.items.forEach((item, i) => {
          if (item.action !== "DELETE" && item.correctedValue === "")
            issue(["details", "items", i, "correctedValue"], "validation.required");
          if (item.itemId === "" && item.field === "")
            issue(["details", "items", i, "field"], "validation.required");
        });
        break;
      case "SUSPENSION_ERASURE": {
        const e = value.details;
        if (e.action === "SUSPEND" && e.purposeKeys.length === 0)
          issue(["details", "purposeKeys"], "validation.choosePurpose");
        if (e.action === "ERASE" && e.erasureScope === "SELECTED" && e.categoryKeys.length === 0) {
          issue(["details", "categoryKeys"], "validation.chooseCategory");
        }
        if (e.ground === "OTHER" && e.groundText === "")
          issue(["details", "groundText"], "validation.required");
        if (e.action === "ERASE" && !e.previewConfirmed)
          issue(["details", "previewConfirmed"], "validation.confirmPreview");
        break;
      }
      case "STOP_PROVISION":
        if (
          value.details.recipientKeys.length === 0 &&
          value.details.recipientClasses.length === 0
        ) {
          issue(["details", "recipientKeys"], "validation.chooseRecipient");
        }
        if (value.details.ground === "OTHER" && value.details.groundText === "")
          issue(["details", "groundText"], "validation.required");
        break;
      default:
        break;
    }
  });

export type TNewRequest = z.infer<typeof ZNewRequest>;

export const ZFileRequest = ZNewRequest.and(ZLocale);

export const ZRequestRef = z.object({
  reference: z.string().regex(/^R-\d{4}-\d{6}$/, "validation.invalid"),
});

export const ZVerifyIdentity = ZRequestRef.extend({
  note: z.string().trim().max(2000, "validation.noteTooLong"),
});

export const ZCompleteRequest = ZRequestRef.extend({
  outcome: z.enum(
    ["FULFILLED", "PARTIALLY_FULFILLED", "NO_DATA_HELD", "DISCLOSED_OTHER_METHOD"],
    "validation.required",
  ),
  note: z.string().trim().min(1, "validation.required").max(4000, "validation.noteTooLong"),
});

export const ZWithdrawRequest = ZRequestRef.extend({
  confirm: z.literal(true, "validation.confirmWithdraw"),
});

export const MESSAGE_KINDS = ["REPLY", "TO_REQUESTER", "INTERNAL_NOTE"] as const;

export const ZSendMessage = ZRequestRef.extend({
  kind: z.enum(MESSAGE_KINDS),
  body: z.string().trim().min(1, "validation.required").max(4000, "validation.noteTooLong"),
  askForInfo: z.boolean(),
});

export type TSendMessage = z.infer<typeof ZSendMessage>;

export const ZErasurePreview = z.object({
  erasureScope: z.enum(["ALL", "SELECTED"]),
  categoryKeys: z.array(key).max(50),
});

export type TVerifyIdentity = z.infer<typeof ZVerifyIdentity>;
export type TCompleteRequest = z.infer<typeof ZCompleteRequest>;
export type TWithdrawRequest = z.infer<typeof ZWithdrawRequest>;
