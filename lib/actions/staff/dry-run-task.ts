"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { dryRunTask as dryRun } from "@/lib/data/fulfilment/dry-run-task";
import { ZTaskRef } from "@/lib/validation/fulfilment";

export const dryRunTask = defineAction(
  { name: "dryRunTask", schema: ZTaskRef, permission: "request:fulfil" },
  (input, actor) => dryRun({ actor, input }),
);
