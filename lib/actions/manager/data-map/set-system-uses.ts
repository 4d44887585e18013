"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { setSystemUses as run } from "@/lib/data/data-map/config/set-system-uses";
import { TRANSPARENCY_TAG } from "@/lib/data/transparency/get-transparency";
import { flushTags } from "@/lib/server/tagged-cache";
import { ZSystemUses } from "@/lib/validation/data-map-config";

export const setSystemUses = defineAction(
  { name: "setSystemUses", schema: ZSystemUses, permission: "data-map:configure" },
  async (input, actor) => {
    const result = await run({ actor, input });
    // The public transparency page (app/[locale]/privacy) caches the data map under this tag.
    flushTags(TRANSPARENCY_TAG);
    return result;
  },
);
