"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { updateStatements as update } from "@/lib/data/brand/statements";
import { TRANSPARENCY_TAG } from "@/lib/data/transparency/get-transparency";
import { flushTags } from "@/lib/server/tagged-cache";
import { ZStatements } from "@/lib/validation/statements";

export const updateStatements = defineAction(
  { name: "updateStatements", schema: ZStatements, permission: "policy:configure" },
  async (input, actor) => {
    const result = await update({ actor, input });
    // The transparency page (app/[locale]/privacy) shows every statement.
    if (result.changed.length > 0) flushTags(TRANSPARENCY_TAG);
    return { noticeVersion: result.noticeVersion?.created ? result.noticeVersion.version : null };
  },
);
