"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { enterRequest as enter } from "@/lib/data/requests/enter-request";
import { ZEnterRequest } from "@/lib/validation/queue";

export const enterRequest = defineAction(
  { name: "enterRequest", schema: ZEnterRequest, permission: "request:enter" },
  (input, actor) => enter({ actor, input }),
);
