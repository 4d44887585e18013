"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { registerDrpAgent as run } from "@/lib/drp/manage/register-agent";
import { ZDrpAgentRegistration } from "@/lib/validation/drp";

export const registerDrpAgent = defineAction(
  { name: "registerDrpAgent", schema: ZDrpAgentRegistration, permission: "integration:configure" },
  (input, actor) => run({ actor, input }),
);
