import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TApiKeyRef } from "@/lib/validation/integration";

import { rotateApiKey as rotate } from "../keys";

/** Replaces an active key by a new one with the same scopes, returned once; the old is revoked. */
export async function rotateApiKey(options: { actor: Actor; input: TApiKeyRef }) {
  const { actor, input } = options;
  if (!can(actor.role, "integration:configure")) throw new AppError("FORBIDDEN");
  assertRecentPasskey(actor);
  return getDb().$transaction(async (tx) => {
    const rotated = await rotate(tx, { keyId: input.keyId, createdById: actor.userId });
    if (!rotated) throw new AppError("CONFLICT", "integration.errors.notActive");
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      ip: actor.ip,
      action: "api-key.rotate",
      entityType: "ApiKey",
      entityId: rotated.id,
      data: { systemId: rotated.systemId, prefix: rotated.prefix, replaces: rotated.revokedId },
    });
    return { prefix: rotated.prefix, key: rotated.key };
  });
}
