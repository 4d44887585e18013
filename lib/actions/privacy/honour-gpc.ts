"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { honourGpc } from "@/lib/data/privacy-signals/gpc";
import { ZGpcSignal } from "@/lib/validation/common";

// A page that sees navigator.globalPrivacyControl where the request carried no Sec-GPC header
// (components/privacy/gpc-probe.tsx) reports it; honouring is idempotent.
export const honourGpcSignal = defineAction(
  { name: "honourGpcSignal", schema: ZGpcSignal, permission: "privacy-signal:own" },
  async (_input, actor) => (await honourGpc({ actor })).status,
);
