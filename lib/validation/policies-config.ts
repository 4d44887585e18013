import { z } from "@/lib/validation/zod";

import { DEADLINE_UNITS, MAX_FEE_YEN, STAFF_ROLE_CHOICES } from "./choices";
export { DEADLINE_UNITS, MAX_FEE_YEN, STAFF_ROLE_CHOICES };

import { validatePolicy } from "@/lib/deadlines/policy";
import { TEMPLATE_KEYS, type TemplateKey } from "@/lib/requests/template-keys";
import { locales } from "@/lib/i18n/config";

// The configuration forms of deadline policies, fees, message templates and staff accounts,
// shared by the manager's forms and the server actions. Messages are catalogue keys
// (lib/i18n/messages/sections/settingsPolicies.ts; the deadline rules' own in deadlines.ts).

import { JURISDICTIONS } from "@/lib/requests/jurisdiction";
import { REQUEST_TYPES } from "@/lib/requests/vocabulary";

export { JURISDICTIONS };
export type StaffRoleChoice = (typeof STAFF_ROLE_CHOICES)[number];

const blankToNull = (v: unknown) => (v === "" || v === undefined || v === null ? null : v);

/** A whole number typed into a form; the deadline rules (validatePolicy) judge its range. */
const amount = z.coerce.number("validation.number").int("validation.number");
const optionalAmount = z.preprocess(
  (v) => (blankToNull(v) === null ? null : Number(v)),
  amount.nullable(),
);
const unit = z.enum(DEADLINE_UNITS, "settingsPolicies.errors.chooseUnit");
const optionalUnit = z.preprocess(blankToNull, unit.nullable());
const note = z.string().trim().max(2000, "settingsPolicies.errors.tooLong");

const ZPolicyFields = z.object({
  jurisdiction: z.enum(JURISDICTIONS, "settingsPolicies.errors.chooseJurisdiction"),
  amount,
  unit,
  extensionAmount: optionalAmount,
  extensionUnit: optionalUnit,
  ackAmount: optionalAmount,
  ackUnit: optionalUnit,
  pauseAllowed: z.boolean(),
  noteJa: note,
  noteEn: note,
});

/** Runs the deadline rules of lib/deadlines/policy.ts as field errors, in the form and on the server. */
function checkRules(value: z.infer<typeof ZPolicyFields>, ctx: z.RefinementCtx) {
  for (const issue of validatePolicy(value).errors)
    ctx.addIssue({ code: "custom", path: [issue.field], message: issue.key });
}

export const ZDeadlinePolicyUpdate = ZPolicyFields.extend({ id: z.string().min(1) }).superRefine(
  checkRules,
);
export type TDeadlinePolicyUpdate = z.infer<typeof ZDeadlinePolicyUpdate>;

export const ZDeadlineOverrideCreate = ZPolicyFields.extend({
  requestType: z.enum(REQUEST_TYPES, "settingsPolicies.errors.chooseType"),
}).superRefine(checkRules);
export type TDeadlineOverrideCreate = z.infer<typeof ZDeadlineOverrideCreate>;

export const ZDeadlineOverrideRemove = z.object({ id: z.string().min(1) });

const fee = z.coerce
  .number("settingsPolicies.errors.number")
  .int("settingsPolicies.errors.number")
  .min(0, "settingsPolicies.errors.number")
  .max(MAX_FEE_YEN, "settingsPolicies.errors.feeTooLarge");

export const ZFees = z.object({ disclosureFeeYen: fee, purposeNotificationFeeYen: fee });
export type TFees = z.infer<typeof ZFees>;

/** A supervisory authority's row (lib/requests/complaints.ts): its key is fixed by its migration. */
export const ZAuthority = z.object({
  key: z.string().regex(/^(JP|EU|UK|US_CA|KR|BR|EU-[A-Z]{2})$/, "validation.invalid"),
  nameJa: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
  nameEn: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
  contactJa: z.string().trim().max(300, "validation.tooLong"),
  contactEn: z.string().trim().max(300, "validation.tooLong"),
  url: z
    .string()
    .trim()
    .max(500, "validation.tooLong")
    .refine((value) => {
      try {
        return new URL(value).protocol === "https:";
      } catch {
        return false;
      }
    }, "settingsPolicies.authorities.httpsOnly"),
});
export type TAuthority = z.infer<typeof ZAuthority>;

/** What lib/data/templates/list-templates.ts fills in; any other {name} would reach the requester raw. */
export const TEMPLATE_PLACEHOLDERS = ["reference", "dueDate", "name"] as const;

/** The placeholders a text uses, or null when its braces do not pair up. */
export function placeholdersIn(text: string): string[] | null {
  const found: string[] = [];
  const rest = text.replace(/\{(\w+)\}/g, (_, name: string) => {
    found.push(name);
    return "";
  });
  return /[{}]/.test(rest) ? null : found;
}

function checkPlaceholders(text: string, path: string, ctx: z.RefinementCtx) {
  const names = placeholdersIn(text);
  if (names === null)
    ctx.addIssue({
      code: "custom",
      path: [path],
      message: "settingsPolicies.errors.brokenPlaceholder",
    });
  else if (names.some((n) => !(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(n)))
    ctx.addIssue({
      code: "custom",
      path: [path],
      message: "settingsPolicies.errors.unknownPlaceholder",
    });
}

const templateText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "settingsPolicies.errors.required")
    .max(max, "settingsPolicies.errors.tooLong");

export const ZTemplateSave = z
  .object({
    key: z.enum(TEMPLATE_KEYS as [TemplateKey, ...TemplateKey[]]),
    locale: z.enum(locales),
    subject: templateText(200),
    body: templateText(5000),
  })
  .superRefine((v, ctx) => {
    checkPlaceholders(v.subject, "subject", ctx);
    checkPlaceholders(v.body, "body", ctx);
  });
export type TTemplateSave = z.infer<typeof ZTemplateSave>;

const staffRole = z.enum(STAFF_ROLE_CHOICES, "settingsPolicies.errors.chooseRole");

export const ZStaffAdd = z.object({
  email: z.string().trim().toLowerCase().email("settingsPolicies.errors.email").max(254),
  name: z
    .string()
    .trim()
    .min(1, "settingsPolicies.errors.required")
    .max(100, "settingsPolicies.errors.tooLong"),
  role: staffRole,
});
export type TStaffAdd = z.infer<typeof ZStaffAdd>;

export const ZStaffRoleChange = z.object({ userId: z.string().min(1), role: staffRole });
export type TStaffRoleChange = z.infer<typeof ZStaffRoleChange>;

export const ZStaffRemove = z.object({ userId: z.string().min(1) });
