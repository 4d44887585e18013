"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { saveCategory as run } from "@/lib/data/data-map/config/save-category";
import { TRANSPARENCY_TAG } from "@/lib/data/transparency/get-transparency";
import { flushTags } from "@/lib/server/tagged-cache";
import { ZCategoryConfig } from "@/lib/validation/data-map-config";

export const saveCategory = defineAction(
  { name: "saveCategory", schema: ZCategoryConfig, permission: "data-map:configure" },
  async (input, actor) => {
    const result = await run({ actor, input });
    // The public transparency page (app/[locale]/privacy) caches the data map under this tag.
    flushTags(TRANSPARENCY_TAG);
    return result;
  },
);
