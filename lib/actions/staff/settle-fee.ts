"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { settleFee as settle } from "@/lib/data/requests/fees";
import { ZSettleFee } from "@/lib/validation/fees";

export const settleFee = defineAction(
  { name: "settleFee", schema: ZSettleFee, permission: "request:complete" },
  (input, actor) => settle({ actor, input }),
);
