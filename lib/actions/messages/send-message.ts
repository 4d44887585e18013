"use server";

import { z } from "@/lib/validation/zod";

import { defineAction, type ActionResult } from "@/lib/actions/safe-action";
import { sendMessage as send } from "@/lib/data/messages/send-message";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { MAX_FILE_BYTES } from "@/lib/identity/rules";
import { consume, LIMITS, rateKey } from "@/lib/rate-limit";
import { ZSendMessage } from "@/lib/validation/requests";

const ZWithFile = ZSendMessage.extend({
  file: z
    .instanceof(File)
    .refine((f) => f.size <= MAX_FILE_BYTES, "identity.errors.tooLarge")
    .optional(),
});

// Requesters and staff share the action; the data function decides what each may send.
const run = defineAction(
  {
    name: "sendMessage",
    schema: ZWithFile,
    permission: ["request:message-own", "request:message-any"],
  },
  async ({ file, ...input }, actor) => {
    const hasFile = file !== undefined && file.size > 0;
    // Attachments count against the same upload limit as identity documents.
    if (hasFile) {
      const key = rateKey("upload", actor.userId);
      const limited = await consume(getDb(), { key, ...LIMITS.uploadPerUser });
      if (!limited.ok) throw new AppError("RATE_LIMITED", "errors.tooManyRequests");
    }
    return send({
      actor,
      input,
      attachment: hasFile
        ? { bytes: Buffer.from(await file.arrayBuffer()), fileName: file.name }
        : undefined,
    });
  },
);

/** Takes form data so that a file can travel with the message. */
export async function sendMessage(raw: FormData): Promise<ActionResult<void>> {
  // A forged call may send anything in place of the form; that is an empty form, refused by the
  // schema, not a crash.
  const form = raw instanceof FormData ? raw : new FormData();
  const file = form.get("file");
  return run({
    reference: form.get("reference"),
    kind: form.get("kind"),
    body: form.get("body"),
    askForInfo: form.get("askForInfo") === "true",
    file: file instanceof File && file.size > 0 ? file : undefined,
  });
}
