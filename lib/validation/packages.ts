import { z } from "@/lib/validation/zod";

import { ITEM_WITHHOLDING_GROUNDS } from "@/lib/requests/refusal-grounds";

import { ZRequestRef } from "./requests";

// The staff package panel's inputs (components/staff/package), shared by its forms and actions.

/** Building says, when some systems' data could not be gathered, that the package may state it. */
export const ZBuildPackage = ZRequestRef.extend({ acceptGaps: z.boolean().default(false) });
export type TBuildPackage = z.infer<typeof ZBuildPackage>;

const itemRef = z.string().trim().min(1, "validation.required").max(200, "validation.tooLong");

/** Why one item is withheld: its legal ground and, in words the requester reads, the reason. */
export const ZRedactReason = z.object({
  ground: z.enum(ITEM_WITHHOLDING_GROUNDS, "disclosurePackage.preview.chooseGround"),
  reason: z.string().trim().min(1, "validation.required").max(500, "validation.tooLong"),
});

/** Withhold one item with its ground and reason, or take the withholding back. */
export const ZRedactItem = z.discriminatedUnion("action", [
  ZRequestRef.extend({ action: z.literal("redact"), itemRef, ...ZRedactReason.shape }),
  ZRequestRef.extend({ action: z.literal("undo"), itemRef }),
]);

export type TRequestRef = z.infer<typeof ZRequestRef>;
export type TRedactItem = z.infer<typeof ZRedactItem>;
export type TRedactReason = z.infer<typeof ZRedactReason>;
