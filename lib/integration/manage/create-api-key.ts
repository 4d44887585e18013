import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TCreateApiKey } from "@/lib/validation/integration";

import { createApiKey as create } from "../keys";

/** Creates a key for a system and returns it once; the audit event names the key, never its value. */
export async function createApiKey(options: { actor: Actor; input: TCreateApiKey }) {
  const { actor, input } = options;
  if (!can(actor.role, "integration:configure")) throw new AppError("FORBIDDEN");
  assertRecentPasskey(actor);
  return getDb().$transaction(async (tx) => {
    const system = await tx.dataSystem.findUnique({
      where: { id: input.systemId },
      select: { id: true },
    });
    if (!system) throw new AppError("NOT_FOUND");
    const created = await create(tx, {
      systemId: system.id,
      label: input.label,
      scopes: input.scopes,
      createdById: actor.userId,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      ip: actor.ip,
      action: "api-key.create",
      entityType: "ApiKey",
      entityId: created.id,
      data: { systemId: system.id, prefix: created.prefix, scopes: input.scopes.join(",") },
    });
    return { prefix: created.prefix, key: created.key };
  });
}
