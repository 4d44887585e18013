"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { updateDeadlinePolicy as update } from "@/lib/data/policies/update-deadline-policy";
import { TRANSPARENCY_TAG } from "@/lib/data/transparency/get-transparency";
import { flushTags } from "@/lib/server/tagged-cache";
import { ZDeadlinePolicyUpdate } from "@/lib/validation/policies-config";

export const updateDeadlinePolicy = defineAction(
  { name: "updateDeadlinePolicy", schema: ZDeadlinePolicyUpdate, permission: "policy:configure" },
  async ({ id, ...values }, actor) => {
    const result = await update({ actor, id, values });
    // The public transparency page states the deadline (app/[locale]/privacy).
    flushTags(TRANSPARENCY_TAG);
    return result;
  },
);
