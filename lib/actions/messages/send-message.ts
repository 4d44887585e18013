"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { sendMessage as send } from "@/lib/data/messages/send-message";
import { ZSendMessage } from "@/lib/validation/requests";

// Requesters and staff share the action; the data function decides what each may send.
export const sendMessage = defineAction(
  {
    name: "sendMessage",
    schema: ZSendMessage,
    permission: ["request:message-own", "request:message-any"],
  },
  (input, actor) => send({ actor, input }),
);
