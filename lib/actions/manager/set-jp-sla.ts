"use server";

import { updateTag } from "next/cache";

import { defineAction } from "@/lib/actions/safe-action";
import { setJpSla as setSla } from "@/lib/data/policies/jp-sla";
import { ZJpSla } from "@/lib/validation/common";

export const setJpSla = defineAction(
  { name: "setJpSla", schema: ZJpSla, permission: "policy:configure" },
  async (input, actor) => {
    await setSla({ actor, days: input.days });
    // The public transparency page states the JP deadline (app/[locale]/privacy).
    updateTag("transparency");
  },
);
