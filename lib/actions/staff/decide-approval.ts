"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { decideApproval as decide } from "@/lib/data/requests/decide-approval";
import { ZDecideApproval } from "@/lib/validation/decisions";

export const decideApproval = defineAction(
  { name: "decideApproval", schema: ZDecideApproval, permission: "request:approve" },
  (input, actor) => decide({ actor, input }),
);
