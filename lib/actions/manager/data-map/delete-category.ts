"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { deleteCategory as run } from "@/lib/data/data-map/config/delete-category";
import { flushTags } from "@/lib/server/tagged-cache";
import { ZConfigId } from "@/lib/validation/data-map-config";

export const deleteCategory = defineAction(
  { name: "deleteCategory", schema: ZConfigId, permission: "data-map:configure" },
  async (input, actor) => {
    const result = await run({ actor, id: input.id });
    // The public transparency page (app/[locale]/privacy) caches the data map under this tag.
    flushTags("transparency");
    return result;
  },
);
