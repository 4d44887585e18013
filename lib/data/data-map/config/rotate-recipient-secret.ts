import "server-only";

import { randomBytes } from "node:crypto";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

import { assertCanConfigure, auditConfig, notFoundError } from "./shared";

/**
 * Gives a recipient's notice webhook a new signing secret and returns it, the only time it leaves
 * the database. Notices are signed with it from the next one on (lib/fulfilment/onward-delivery.ts);
 * nothing signed comes back, so the old one simply ends. The audit event names the recipient only.
 */
export async function rotateRecipientSecret(options: { actor: Actor; id: string }) {
  const { actor, id } = options;
  assertCanConfigure(actor);
  assertRecentPasskey(actor);
  const secret = randomBytes(32).toString("base64url");
  return getDb().$transaction(async (tx) => {
    const recipient = await tx.recipient.findUnique({
      where: { id },
      select: { id: true, key: true, noticeWebhookUrl: true, noticeWebhookSecret: true },
    });
    if (!recipient) throw notFoundError();
    if (!recipient.noticeWebhookUrl)
      throw new AppError("INVALID_INPUT", "settingsDataMap.errors.noWebhook");
    await tx.recipient.update({ where: { id }, data: { noticeWebhookSecret: secret } });
    await auditConfig(tx, actor, {
      action: "config.recipient.rotate-secret",
      entityType: "Recipient",
      entityId: recipient.id,
      data: { key: recipient.key, hadSecret: recipient.noticeWebhookSecret !== null },
    });
    return { key: recipient.key, secret };
  });
}
