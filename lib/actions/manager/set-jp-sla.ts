"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { setJpSla as setSla } from "@/lib/data/policies/jp-sla";
import { TRANSPARENCY_TAG } from "@/lib/data/transparency/get-transparency";
import { flushTags } from "@/lib/server/tagged-cache";
import { ZJpSla } from "@/lib/validation/common";

export const setJpSla = defineAction(
  { name: "setJpSla", schema: ZJpSla, permission: "policy:configure" },
  async (input, actor) => {
    await setSla({ actor, days: input.days });
    // The public transparency page states the JP deadline (app/[locale]/privacy).
    flushTags(TRANSPARENCY_TAG);
  },
);
