"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { flagMyNumber as flag } from "@/lib/data/identity/flag-my-number";
import { ZFlagMyNumber } from "@/lib/validation/identity-review";

export const flagMyNumber = defineAction(
  { name: "flagMyNumber", schema: ZFlagMyNumber, permission: "identity-document:view" },
  (input, actor) => flag({ actor, input }),
);
