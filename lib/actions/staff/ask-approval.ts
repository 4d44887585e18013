"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { proposeOutcome } from "@/lib/data/requests/propose-outcome";
import { ZDecision } from "@/lib/validation/decisions";

export const askApproval = defineAction(
  { name: "askApproval", schema: ZDecision, permission: "request:complete" },
  (input, actor) => proposeOutcome({ actor, input }),
);
