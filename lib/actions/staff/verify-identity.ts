"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { verifyIdentity as verify } from "@/lib/data/identity/decide-identity";
import { ZVerifyIdentityReview } from "@/lib/validation/identity-review";

export const verifyIdentity = defineAction(
  { name: "verifyIdentity", schema: ZVerifyIdentityReview, permission: "request:verify-identity" },
  ({ reference, note, checks }, actor) => verify({ actor, input: { reference, note, checks } }),
);
