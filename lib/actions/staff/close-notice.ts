"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { closeNotice as close } from "@/lib/data/fulfilment/notices";
import { ZCloseNotice } from "@/lib/validation/notices";

export const closeNotice = defineAction(
  { name: "closeNotice", schema: ZCloseNotice, permission: "request:approve" },
  (input, actor) => close({ actor, input }),
);
