"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { addStaff as add } from "@/lib/data/staff-accounts/add-staff";
import { ZStaffAdd } from "@/lib/validation/policies-config";

export const addStaff = defineAction(
  { name: "addStaff", schema: ZStaffAdd, permission: "staff:manage" },
  (input, actor) => add({ actor, input }),
);
