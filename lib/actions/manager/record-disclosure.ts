"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { recordDisclosure as record } from "@/lib/data/law-enforcement/record-disclosure";
import { TRANSPARENCY_TAG } from "@/lib/data/transparency/get-transparency";
import { flushTags } from "@/lib/server/tagged-cache";
import { ZLawEnforcementEntry } from "@/lib/validation/law-enforcement";

export const recordDisclosure = defineAction(
  { name: "recordDisclosure", schema: ZLawEnforcementEntry, permission: "policy:configure" },
  async (input, actor) => {
    const result = await record({ actor, input });
    // The public transparency page caches its counts under this tag (app/[locale]/privacy).
    flushTags(TRANSPARENCY_TAG);
    return result;
  },
);
