"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { confirmNotice as confirm } from "@/lib/data/fulfilment/notices";
import { ZConfirmNotice } from "@/lib/validation/notices";

export const confirmNotice = defineAction(
  { name: "confirmNotice", schema: ZConfirmNotice, permission: "request:fulfil" },
  (input, actor) => confirm({ actor, input }),
);
