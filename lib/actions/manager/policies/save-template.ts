"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { saveTemplate as save } from "@/lib/data/templates/save-template";
import { ZTemplateSave } from "@/lib/validation/policies-config";

export const saveTemplate = defineAction(
  { name: "saveTemplate", schema: ZTemplateSave, permission: "policy:configure" },
  (input, actor) => save({ actor, input }),
);
