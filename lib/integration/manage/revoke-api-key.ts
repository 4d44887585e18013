import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TApiKeyRef } from "@/lib/validation/integration";

import { revokeApiKey as revoke } from "../keys";

/** Revokes a key at once: its next call is refused with 401. */
export async function revokeApiKey(options: { actor: Actor; input: TApiKeyRef }) {
  const { actor, input } = options;
  if (!can(actor.role, "integration:configure")) throw new AppError("FORBIDDEN");
  assertRecentPasskey(actor);
  return getDb().$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({
      where: { id: input.keyId },
      select: { id: true, systemId: true },
    });
    if (!key) throw new AppError("NOT_FOUND");
    if (!(await revoke(tx, { keyId: key.id })))
      throw new AppError("CONFLICT", "integration.errors.notActive");
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      ip: actor.ip,
      action: "api-key.revoke",
      entityType: "ApiKey",
      entityId: key.id,
      data: { systemId: key.systemId },
    });
    return { id: key.id };
  });
}
