"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { closeUnverifiable as close } from "@/lib/data/identity/close-unverifiable";
import { ZCloseUnverifiable } from "@/lib/validation/identity-review";

export const closeUnverifiable = defineAction(
  { name: "closeUnverifiable", schema: ZCloseUnverifiable, permission: "request:verify-identity" },
  (input, actor) => close({ actor, input }),
);
