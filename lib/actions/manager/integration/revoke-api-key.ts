"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { revokeApiKey as run } from "@/lib/integration/manage/revoke-api-key";
import { ZApiKeyRef } from "@/lib/validation/integration";

export const revokeApiKey = defineAction(
  { name: "revokeApiKey", schema: ZApiKeyRef, permission: "integration:configure" },
  (input, actor) => run({ actor, input }),
);
