"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { updateFees as update } from "@/lib/data/policies/update-fees";
import { TRANSPARENCY_TAG } from "@/lib/data/transparency/get-transparency";
import { flushTags } from "@/lib/server/tagged-cache";
import { ZFees } from "@/lib/validation/policies-config";

export const updateFees = defineAction(
  { name: "updateFees", schema: ZFees, permission: "policy:configure" },
  async (input, actor) => {
    await update({ actor, input });
    // The public transparency page lists the fees and is cached under this tag.
    flushTags(TRANSPARENCY_TAG);
  },
);
