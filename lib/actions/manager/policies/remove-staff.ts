"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { removeStaff as remove } from "@/lib/data/staff-accounts/remove-staff";
import { ZStaffRemove } from "@/lib/validation/policies-config";

export const removeStaff = defineAction(
  { name: "removeStaff", schema: ZStaffRemove, permission: "staff:manage" },
  (input, actor) => remove({ actor, userId: input.userId }),
);
