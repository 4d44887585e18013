"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { proposeExtension as propose } from "@/lib/data/requests/propose-extension";
import { ZProposeExtension } from "@/lib/validation/extensions";

export const proposeExtension = defineAction(
  { name: "proposeExtension", schema: ZProposeExtension, permission: "request:complete" },
  (input, actor) => propose({ actor, input }),
);
