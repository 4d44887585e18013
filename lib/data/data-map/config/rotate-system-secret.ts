import "server-only";

import { randomBytes } from "node:crypto";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

import { assertCanConfigure, auditConfig, notFoundError } from "./shared";

/** 32 random bytes: HMAC-SHA256's own key size. */
const SECRET_BYTES = 32;

/**
 * Gives an HTTP system a new signing secret and returns it, the only time it leaves the database.
 * The old one becomes `previousSecret`: callbacks signed with it are accepted for a grace period
 * (lib/fulfilment/engine/signature.ts) while the system's operators install the new one; tasks
 * we send are signed with the new one at once. The audit event names the system only.
 */
export async function rotateSystemSecret(options: { actor: Actor; id: string; now?: Date }) {
  const { actor, id } = options;
  assertCanConfigure(actor);
  assertRecentPasskey(actor);
  const secret = randomBytes(SECRET_BYTES).toString("base64url");
  return getDb().$transaction(async (tx) => {
    // The row lock keeps two rotations at once from losing the secret in between.
    await tx.$executeRaw`SELECT 1 FROM "DataSystem" WHERE id = ${id} FOR UPDATE`;
    const system = await tx.dataSystem.findUnique({
      where: { id },
      select: { id: true, key: true, connector: true, secret: true },
    });
    if (!system) throw notFoundError();
    if (system.connector !== "HTTP")
      throw new AppError("INVALID_INPUT", "settingsDataMap.errors.notHttp");
    await tx.dataSystem.update({
      where: { id },
      data: {
        secret,
        previousSecret: system.secret,
        secretRotatedAt: options.now ?? new Date(),
      },
    });
    await auditConfig(tx, actor, {
      action: "config.system.rotate-secret",
      entityType: "DataSystem",
      entityId: system.id,
      data: { key: system.key, hadSecret: system.secret !== null },
    });
    return { key: system.key, secret };
  });
}
