"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { redactItem as redact } from "@/lib/data/packages/redact-item";
import { undoRedaction } from "@/lib/data/packages/undo-redaction";
import { ZRedactItem } from "@/lib/validation/packages";

/** Withhold a package item with a reason, or take the withholding back (before release). */
export const redactItem = defineAction(
  { name: "redactItem", schema: ZRedactItem, permission: "request:fulfil" },
  (input, actor) =>
    input.action === "redact" ? redact({ actor, input }) : undoRedaction({ actor, input }),
);
