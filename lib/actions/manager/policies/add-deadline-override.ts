"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { addDeadlineOverride as add } from "@/lib/data/policies/add-deadline-override";
import { ZDeadlineOverrideCreate } from "@/lib/validation/policies-config";

export const addDeadlineOverride = defineAction(
  { name: "addDeadlineOverride", schema: ZDeadlineOverrideCreate, permission: "policy:configure" },
  (input, actor) => add({ actor, input }),
);
