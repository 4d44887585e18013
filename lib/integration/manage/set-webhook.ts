import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TSetWebhook } from "@/lib/validation/integration";

/**
 * Sets (or disables) a system's restrictions.changed webhook. Deliveries are signed with the
 * system's secret, so a system without one cannot subscribe. The URL is configuration, not
 * personal data, but only its host goes into the audit event.
 */
export async function setWebhook(options: { actor: Actor; input: TSetWebhook }) {
  const { actor, input } = options;
  if (!can(actor.role, "integration:configure")) throw new AppError("FORBIDDEN");
  assertRecentPasskey(actor);
  return getDb().$transaction(async (tx) => {
    const system = await tx.dataSystem.findUnique({
      where: { id: input.systemId },
      select: { id: true, secret: true },
    });
    if (!system) throw new AppError("NOT_FOUND");
    if (!system.secret)
      throw new AppError("INVALID_INPUT", "integration.errors.noSecret", {
        url: "integration.errors.noSecret",
      });
    const data = { url: input.url, active: input.active };
    const hook = await tx.webhookSubscription.upsert({
      where: { systemId: system.id },
      create: { systemId: system.id, ...data },
      update: data,
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      ip: actor.ip,
      action: "webhook.set",
      entityType: "WebhookSubscription",
      entityId: hook.id,
      data: { systemId: system.id, host: new URL(input.url).host, active: input.active },
    });
    return { id: hook.id };
  });
}
