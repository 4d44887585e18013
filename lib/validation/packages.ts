import { z } from "zod";

import { ZRequestRef } from "./requests";

// The staff package panel's inputs (components/staff/package), shared by its forms and actions.

/** Building says, when some systems' data could not be gathered, that the package may state it. */
export const ZBuildPackage = ZRequestRef.extend({ acceptGaps: z.boolean().default(false) });
export type TBuildPackage = z.infer<typeof ZBuildPackage>;

const itemRef = z.string().trim().min(1, "validation.required").max(200, "validation.tooLong");

/** Withhold one item with the reason the requester reads, or take the withholding back. */
export const ZRedactItem = z.discriminatedUnion("action", [
  ZRequestRef.extend({
    action: z.literal("redact"),
    itemRef,
    reason: z.string().trim().min(1, "validation.required").max(500, "validation.tooLong"),
  }),
  ZRequestRef.extend({ action: z.literal("undo"), itemRef }),
]);

export const ZRedactReason = z.object({
  reason: z.string().trim().min(1, "validation.required").max(500, "validation.tooLong"),
});

export type TRequestRef = z.infer<typeof ZRequestRef>;
export type TRedactItem = z.infer<typeof ZRedactItem>;
export type TRedactReason = z.infer<typeof ZRedactReason>;
