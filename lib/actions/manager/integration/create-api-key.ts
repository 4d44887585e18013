"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { createApiKey as run } from "@/lib/integration/manage/create-api-key";
import { ZCreateApiKey } from "@/lib/validation/integration";

export const createApiKey = defineAction(
  { name: "createApiKey", schema: ZCreateApiKey, permission: "integration:configure" },
  (input, actor) => run({ actor, input }),
);
