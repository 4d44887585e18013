"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { revokeDrpAgent as run } from "@/lib/drp/manage/revoke-agent";
import { ZDrpAgentRef } from "@/lib/validation/drp";

export const revokeDrpAgent = defineAction(
  { name: "revokeDrpAgent", schema: ZDrpAgentRef, permission: "integration:configure" },
  (input, actor) => run({ actor, input }),
);
