"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { deletePurpose as run } from "@/lib/data/data-map/config/delete-purpose";
import { TRANSPARENCY_TAG } from "@/lib/data/transparency/get-transparency";
import { flushTags } from "@/lib/server/tagged-cache";
import { ZConfigId } from "@/lib/validation/data-map-config";

export const deletePurpose = defineAction(
  { name: "deletePurpose", schema: ZConfigId, permission: "data-map:configure" },
  async (input, actor) => {
    const result = await run({ actor, id: input.id });
    // The public transparency page (app/[locale]/privacy) caches the data map under this tag.
    flushTags(TRANSPARENCY_TAG);
    return result;
  },
);
