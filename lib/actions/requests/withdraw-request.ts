"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { withdrawRequest as withdraw } from "@/lib/data/requests/withdraw-request";
import { ZWithdrawRequest } from "@/lib/validation/requests";

export const withdrawRequest = defineAction(
  { name: "withdrawRequest", schema: ZWithdrawRequest, permission: "request:withdraw-own" },
  (input, actor) => withdraw({ actor, reference: input.reference }),
);
