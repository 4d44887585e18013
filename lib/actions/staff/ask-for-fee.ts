"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { askForFee as ask } from "@/lib/data/requests/fees";
import { ZAskForFee } from "@/lib/validation/fees";

export const askForFee = defineAction(
  { name: "askForFee", schema: ZAskForFee, permission: "request:complete" },
  (input, actor) => ask({ actor, input }),
);
