"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { savePurpose as run } from "@/lib/data/data-map/config/save-purpose";
import { TRANSPARENCY_TAG } from "@/lib/data/transparency/get-transparency";
import { flushTags } from "@/lib/server/tagged-cache";
import { ZPurposeConfig } from "@/lib/validation/data-map-config";

export const savePurpose = defineAction(
  { name: "savePurpose", schema: ZPurposeConfig, permission: "data-map:configure" },
  async (input, actor) => {
    const result = await run({ actor, input });
    // The public transparency page (app/[locale]/privacy) caches the data map under this tag.
    flushTags(TRANSPARENCY_TAG);
    return result;
  },
);
