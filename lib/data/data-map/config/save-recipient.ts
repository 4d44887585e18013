import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { getDb } from "@/lib/db";
import type { TRecipientConfig } from "@/lib/validation/data-map-config";

import {
  assertCanConfigure,
  auditConfig,
  keyTakenError,
  notFoundError,
  orNull,
  rethrowKeyConflict,
  namesOf,
  recordNotice,
} from "./shared";

/**
 * The columns to store. The processor category is kept only for processors, the one class the
 * transparency page names by category, so a class change leaves no stale text behind.
 */
function columns(input: TRecipientConfig) {
  const processor = input.recipientClass === "PROCESSOR";
  return {
    ...namesOf(input),
    recipientClass: input.recipientClass,
    // Any recipient abroad (a processor too) is published with its country, regime and measures.
    country: orNull(input.country),
    regimeNoteJa: orNull(input.regimeNoteJa),
    regimeNoteEn: orNull(input.regimeNoteEn),
    measuresJa: orNull(input.measuresJa),
    measuresEn: orNull(input.measuresEn),
    processorCategoryJa: processor ? orNull(input.processorCategoryJa) : null,
    processorCategoryEn: processor ? orNull(input.processorCategoryEn) : null,
    address: orNull(input.address),
    representative: orNull(input.representative),
    noticeEmail: orNull(input.noticeEmail.toLowerCase()),
    noticeWebhookUrl: orNull(input.noticeWebhookUrl),
    gpcOptOut: input.gpcOptOut,
    // A safeguard belongs to a transfer abroad: none for a recipient at home.
    transferSafeguard: input.country && input.transferSafeguard ? input.transferSafeguard : null,
  };
}

/** Creates a recipient, or edits the one with `input.id` (its key stays), with its audit event. */
export async function saveRecipient(options: { actor: Actor; input: TRecipientConfig }) {
  const { actor, input } = options;
  assertCanConfigure(actor);
  assertRecentPasskey(actor);
  const data = columns(input);
  const select = { id: true, key: true } as const;
  return getDb()
    .$transaction(async (tx) => {
      let row: { id: string; key: string };
      if (input.id) {
        if (!(await tx.recipient.findUnique({ where: { id: input.id }, select })))
          throw notFoundError();
        // Without a webhook, its signing secret has nothing left to sign: it goes with the URL.
        row = await tx.recipient.update({
          where: { id: input.id },
          data: data.noticeWebhookUrl ? data : { ...data, noticeWebhookSecret: null },
          select,
        });
      } else {
        if (await tx.recipient.findUnique({ where: { key: input.key }, select }))
          throw keyTakenError();
        row = await tx.recipient.create({ data: { key: input.key, ...data }, select });
      }
      await auditConfig(tx, actor, {
        action: input.id ? "config.recipient.update" : "config.recipient.create",
        entityType: "Recipient",
        entityId: row.id,
        data: {
          key: row.key,
          recipientClass: input.recipientClass,
          country: data.country,
          noticeChannel: data.noticeWebhookUrl ? "WEBHOOK" : data.noticeEmail ? "EMAIL" : "NONE",
          gpcOptOut: input.gpcOptOut,
        },
      });
      await recordNotice(tx, actor);
      return row;
    })
    .catch(rethrowKeyConflict);
}
