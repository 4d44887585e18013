"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { verifyIdentity as verify } from "@/lib/data/identity/decide-identity";
import { ZVerifyIdentity } from "@/lib/validation/requests";

export const verifyIdentity = defineAction(
  { name: "verifyIdentity", schema: ZVerifyIdentity, permission: "request:verify-identity" },
  (input, actor) => verify({ actor, input }),
);
