"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { recordAcknowledgement as record } from "@/lib/data/requests/record-acknowledgement";
import { ZRecordAcknowledgement } from "@/lib/validation/queue";

export const recordAcknowledgement = defineAction(
  { name: "recordAcknowledgement", schema: ZRecordAcknowledgement, permission: "request:fulfil" },
  (input, actor) => record({ actor, input }),
);
