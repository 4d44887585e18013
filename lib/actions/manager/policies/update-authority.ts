"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { updateAuthority as update } from "@/lib/data/policies/authorities";
import { TRANSPARENCY_TAG } from "@/lib/data/transparency/get-transparency";
import { flushTags } from "@/lib/server/tagged-cache";
import { ZAuthority } from "@/lib/validation/policies-config";

export const updateAuthority = defineAction(
  { name: "updateAuthority", schema: ZAuthority, permission: "policy:configure" },
  async (input, actor) => {
    await update({ actor, input });
    // The public transparency page lists the authorities and is cached under this tag.
    flushTags(TRANSPARENCY_TAG);
  },
);
