import { z } from "@/lib/validation/zod";

import { EXTENSION_DUE_CHOICES } from "./choices";
export { EXTENSION_DUE_CHOICES };

import { JURISDICTIONS } from "./queue";
import { ZRequestRef } from "./requests";

// A proposed deadline extension, shared by the extension form and the action. Whether the law
// allows it (lib/deadlines/extension.ts checkExtension) is checked by the data layer against the
// stored request; refusals come back as field errors on `newDueDate`.

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const ZProposeExtension = ZRequestRef.extend({
  jurisdiction: z.enum(JURISDICTIONS, "validation.required"),
  /** The reason the requester reads in the notice. */
  reason: z.string().trim().min(1, "validation.required").max(2000, "validation.noteTooLong"),
  dueChoice: z.enum(EXTENSION_DUE_CHOICES, "validation.required"),
  /** YYYY-MM-DD (in the jurisdiction's own time) when dueChoice is DATE, else empty. */
  newDueDate: z.string().trim(),
}).superRefine((value, ctx) => {
  if (value.dueChoice !== "DATE") return;
  if (!DATE.test(value.newDueDate) || Number.isNaN(Date.parse(`${value.newDueDate}T00:00:00Z`)))
    ctx.addIssue({ code: "custom", path: ["newDueDate"], message: "validation.date" });
});

export type TProposeExtension = z.infer<typeof ZProposeExtension>;

/** What an Approval of kind EXTENSION keeps as its proposal (validated again when applied). */
export const ZExtensionProposal = z.object({
  jurisdiction: z.enum(JURISDICTIONS),
  reason: z.string().min(1),
  /** ISO date-time of the new due date; null for the legal maximum. */
  newDueAt: z.iso.datetime().nullable(),
});
export type TExtensionProposal = z.infer<typeof ZExtensionProposal>;
