import { z } from "@/lib/validation/zod";

import { LE_BASES, LE_DECISIONS, todayInJapan } from "./choices";
export { LE_BASES, LE_DECISIONS, todayInJapan };

// The law-enforcement register's entry, shared by the manager's form and the server action.
// Error messages are catalogue keys (lib/i18n/messages/sections/lawEnforcement.ts).

export type LeDecision = (typeof LE_DECISIONS)[number];

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "lawEnforcement.errors.required")
    .max(max, "lawEnforcement.errors.tooLong");

export const ZLawEnforcementEntry = z
  .object({
    basis: z.enum(LE_BASES, "lawEnforcement.errors.chooseBasis"),
    authority: text(200),
    issuingOfficer: text(200),
    scope: text(2000),
    decision: z.enum(LE_DECISIONS, "lawEnforcement.errors.chooseDecision"),
    approverId: z.string().min(1, "lawEnforcement.errors.chooseApprover"),
    items: z.array(z.string().min(1)).max(50),
    subjectEmail: z.union([
      z.literal(""),
      z.string().trim().toLowerCase().email("lawEnforcement.errors.email"),
    ]),
    disclosedOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "lawEnforcement.errors.date")
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00+09:00`)), "lawEnforcement.errors.date")
      .refine((d) => d <= todayInJapan(), "lawEnforcement.errors.future"),
    note: z.string().trim().max(2000, "lawEnforcement.errors.tooLong"),
  })
  .superRefine((v, ctx) => {
    // A refusal discloses nothing; a (partial) disclosure names what was given.
    if (v.decision === "REFUSED" && v.items.length > 0)
      ctx.addIssue({
        code: "custom",
        path: ["items"],
        message: "lawEnforcement.errors.itemsRefused",
      });
    if (v.decision !== "REFUSED" && v.items.length === 0)
      ctx.addIssue({
        code: "custom",
        path: ["items"],
        message: "lawEnforcement.errors.chooseItems",
      });
  });

export type TLawEnforcementEntry = z.infer<typeof ZLawEnforcementEntry>;

export const ZLawEnforcementPage = z.coerce.number().int().min(1).max(10_000).catch(1);
