"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { startTask as start } from "@/lib/data/fulfilment/start-task";
import { ZTaskRef } from "@/lib/validation/fulfilment";

export const startTask = defineAction(
  { name: "startTask", schema: ZTaskRef, permission: "request:fulfil" },
  (input, actor) => start({ actor, input }),
);
