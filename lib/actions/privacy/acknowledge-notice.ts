"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { getDb } from "@/lib/db";
import { latestNotice, markNoticeSeen } from "@/lib/notice/versions";
import { ZNoticeSeen } from "@/lib/validation/common";

// The person pressed "I have read it" on the card of notice changes (app/[locale]/me): their own
// marker moves to the version the card showed. The number comes from the browser, so it is capped
// at the latest version recorded: a marker beyond it would hide the next real change.
export const acknowledgeNotice = defineAction(
  { name: "acknowledgeNotice", schema: ZNoticeSeen, permission: "personal-data:read-own" },
  async (input, actor) => {
    const latest = await latestNotice(getDb());
    if (!latest) return { version: null };
    const version = Math.min(input.version, latest.version);
    await markNoticeSeen(actor, version);
    return { version };
  },
);
