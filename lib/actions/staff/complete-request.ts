"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { completeRequest as complete } from "@/lib/data/requests/complete-request";
import { ZCompleteRequest } from "@/lib/validation/requests";

export const completeRequest = defineAction(
  { name: "completeRequest", schema: ZCompleteRequest, permission: "request:complete" },
  (input, actor) => complete({ actor, input }),
);
