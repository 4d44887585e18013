"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { getDb } from "@/lib/db";
import { removeOwnPasskey, revokePasskeys } from "@/lib/data/passkeys/manage";
import { ZRemovePasskey, ZRevokePasskeys } from "@/lib/validation/auth";

/** Removes one of the signed-in person's own passkeys (any role; staff keep one). */
export const removePasskey = defineAction(
  { name: "removePasskey", schema: ZRemovePasskey, permission: [] },
  (input, actor) => removeOwnPasskey(getDb(), actor, input.passkeyId),
);

/** An admin revokes another staff member's passkeys (they register anew at the next sign-in). */
export const revokeStaffPasskeys = defineAction(
  { name: "revokeStaffPasskeys", schema: ZRevokePasskeys, permission: "passkeys:revoke" },
  async (input, actor) => ({ removed: await revokePasskeys(getDb(), actor, input.userId) }),
);
