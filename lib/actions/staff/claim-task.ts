"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { claimTask as claim } from "@/lib/data/fulfilment/claim-task";
import { ZTaskRef } from "@/lib/validation/fulfilment";

export const claimTask = defineAction(
  { name: "claimTask", schema: ZTaskRef, permission: "request:fulfil" },
  (input, actor) => claim({ actor, input }),
);
