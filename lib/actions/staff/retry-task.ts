"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { retryTask as retry } from "@/lib/data/fulfilment/retry-task";
import { ZTaskRef } from "@/lib/validation/fulfilment";

export const retryTask = defineAction(
  { name: "retryTask", schema: ZTaskRef, permission: "request:fulfil" },
  (input, actor) => retry({ actor, input }),
);
