"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { setWebhook as run } from "@/lib/integration/manage/set-webhook";
import { ZSetWebhook } from "@/lib/validation/integration";

export const setWebhook = defineAction(
  { name: "setWebhook", schema: ZSetWebhook, permission: "integration:configure" },
  (input, actor) => run({ actor, input }),
);
