"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { rotateRecipientSecret as rotate } from "@/lib/data/data-map/config/rotate-recipient-secret";
import { ZConfigId } from "@/lib/validation/data-map-config";

// The new secret travels back in this action's answer only, to be shown once (as a system's).
export const rotateRecipientSecret = defineAction(
  { name: "rotateRecipientSecret", schema: ZConfigId, permission: "data-map:configure" },
  async (input, actor) => rotate({ actor, id: input.id }),
);
