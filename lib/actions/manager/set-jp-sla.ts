"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { setJpSla as setSla } from "@/lib/data/policies/jp-sla";
import { ZJpSla } from "@/lib/validation/common";

export const setJpSla = defineAction(
  { name: "setJpSla", schema: ZJpSla, permission: "policy:configure" },
  (input, actor) => setSla({ actor, days: input.days }),
);
