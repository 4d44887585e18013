"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { rotateSystemSecret as rotate } from "@/lib/data/data-map/config/rotate-system-secret";
import { ZConfigId } from "@/lib/validation/data-map-config";

// The new secret travels back in this action's answer only, to be shown once: it is never put in
// a URL, a log line or the audit event. The transparency page shows nothing of it, so no re-tag.
export const rotateSystemSecret = defineAction(
  { name: "rotateSystemSecret", schema: ZConfigId, permission: "data-map:configure" },
  async (input, actor) => rotate({ actor, id: input.id }),
);
