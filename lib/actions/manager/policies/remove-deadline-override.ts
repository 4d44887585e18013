"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { removeDeadlineOverride as remove } from "@/lib/data/policies/remove-deadline-override";
import { ZDeadlineOverrideRemove } from "@/lib/validation/policies-config";

export const removeDeadlineOverride = defineAction(
  {
    name: "removeDeadlineOverride",
    schema: ZDeadlineOverrideRemove,
    permission: "policy:configure",
  },
  (input, actor) => remove({ actor, id: input.id }),
);
