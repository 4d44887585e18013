"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { changeStaffRole as change } from "@/lib/data/staff-accounts/change-staff-role";
import { ZStaffRoleChange } from "@/lib/validation/policies-config";

export const changeStaffRole = defineAction(
  { name: "changeStaffRole", schema: ZStaffRoleChange, permission: "staff:manage" },
  (input, actor) => change({ actor, input }),
);
