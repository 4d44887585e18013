"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { rotateApiKey as run } from "@/lib/integration/manage/rotate-api-key";
import { ZApiKeyRef } from "@/lib/validation/integration";

export const rotateApiKey = defineAction(
  { name: "rotateApiKey", schema: ZApiKeyRef, permission: "integration:configure" },
  (input, actor) => run({ actor, input }),
);
