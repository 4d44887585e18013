"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { assignRequest } from "@/lib/data/requests/assign-request";
import { ZClaimRequest } from "@/lib/validation/queue";

export const claimRequest = defineAction(
  { name: "claimRequest", schema: ZClaimRequest, permission: "request:assign" },
  (input, actor) => assignRequest({ actor, input: { mode: "claim", reference: input.reference } }),
);
