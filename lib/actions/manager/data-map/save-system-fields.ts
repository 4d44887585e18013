"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { saveSystemFields as run } from "@/lib/data/data-map/config/system-fields";
import { ZSystemFields } from "@/lib/validation/data-map-config";

export const saveSystemFields = defineAction(
  { name: "saveSystemFields", schema: ZSystemFields, permission: "data-map:configure" },
  (input, actor) => run({ actor, input }),
);
