"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { cancelTask as cancel } from "@/lib/data/fulfilment/cancel-task";
import { ZCancelTask } from "@/lib/validation/fulfilment";

export const cancelTask = defineAction(
  { name: "cancelTask", schema: ZCancelTask, permission: "request:fulfil" },
  (input, actor) => cancel({ actor, input }),
);
