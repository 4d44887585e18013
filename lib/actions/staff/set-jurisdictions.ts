"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { setJurisdictions } from "@/lib/data/requests/jurisdictions";
import { ZSetJurisdictions } from "@/lib/validation/jurisdictions";

export const setRequestJurisdictions = defineAction(
  { name: "setRequestJurisdictions", schema: ZSetJurisdictions, permission: "request:fulfil" },
  (input, actor) => setJurisdictions({ actor, input }),
);
