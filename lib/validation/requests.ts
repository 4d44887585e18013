import { z } from "zod";

// Shared by the forms (zodResolver) and the server actions: messages are catalogue keys, which
// both sides translate, so a field error reads the same wherever it is caught.

const KATAKANA = /^[\u30A0-\u30FF\u3000 ]*$/;

export const ZRequester = z.object({
  familyName: z.string().trim().min(1, "validation.required").max(50, "validation.nameTooLong"),
  givenName: z.string().trim().min(1, "validation.required").max(50, "validation.nameTooLong"),
  familyNameKana: z
    .string()
    .trim()
    .max(50, "validation.nameTooLong")
    .regex(KATAKANA, "validation.katakana"),
  givenNameKana: z
    .string()
    .trim()
    .max(50, "validation.nameTooLong")
    .regex(KATAKANA, "validation.katakana"),
  birthDate: z.union([
    z.literal(""),
    z.iso
      .date("validation.date")
      .refine(
        (d) => d >= "1900-01-01" && d <= new Date().toISOString().slice(0, 10),
        "validation.date",
      ),
  ]),
});

export const DISCLOSURE_METHODS = ["JSON", "CSV", "PDF", "PAPER"] as const;

export const ZDisclosureRequest = z
  .object({
    idempotencyKey: z.uuid("validation.invalid"),
    scope: z.enum(["ALL", "SELECTED"], "validation.required"),
    categoryKeys: z.array(z.string().max(64)).max(50),
    method: z.enum(DISCLOSURE_METHODS, "validation.required"),
    postalAddress: z.string().trim().max(300, "validation.addressTooLong"),
    note: z.string().trim().max(2000, "validation.noteTooLong"),
    requester: ZRequester,
  })
  .superRefine((value, ctx) => {
    if (value.scope === "SELECTED" && value.categoryKeys.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["categoryKeys"],
        message: "validation.chooseCategory",
      });
    }
    if (value.method === "PAPER" && value.postalAddress.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["postalAddress"],
        message: "validation.addressRequired",
      });
    }
  });

export type TDisclosureRequest = z.infer<typeof ZDisclosureRequest>;

export const ZRequestRef = z.object({
  reference: z.string().regex(/^R-\d{4}-\d{6}$/, "validation.invalid"),
});

export const ZVerifyIdentity = ZRequestRef.extend({
  note: z.string().trim().max(2000, "validation.noteTooLong"),
});

export const ZCompleteRequest = ZRequestRef.extend({
  outcome: z.enum(["FULFILLED", "PARTIALLY_FULFILLED"], "validation.required"),
  note: z.string().trim().min(1, "validation.required").max(4000, "validation.noteTooLong"),
});

export type TVerifyIdentity = z.infer<typeof ZVerifyIdentity>;
export type TCompleteRequest = z.infer<typeof ZCompleteRequest>;
