"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { updateStatements as update } from "@/lib/data/brand/statements";
import { flushTags } from "@/lib/server/tagged-cache";
import { ZStatements } from "@/lib/validation/statements";

export const updateStatements = defineAction(
  { name: "updateStatements", schema: ZStatements, permission: "policy:configure" },
  async (input, actor) => {
    const result = await update({ actor, input });
    // The transparency page (app/[locale]/privacy) shows every statement.
    if (result.changed.length > 0) flushTags("transparency");
    return { noticeVersion: result.noticeVersion?.created ? result.noticeVersion.version : null };
  },
);
