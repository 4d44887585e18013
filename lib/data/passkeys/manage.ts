import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { assertRecentPasskey, needsSecondFactor } from "@/lib/auth/second-factor";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

// A person's own passkeys (the account page) and an admin's revocation of someone else's.

export interface OwnPasskey {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  backedUp: boolean;
}

export async function listOwnPasskeys(
  db: Db,
  actor: Pick<Actor, "userId">,
): Promise<{ passkeys: OwnPasskey[]; recoveryCodesLeft: number }> {
  const [passkeys, recoveryCodesLeft] = await Promise.all([
    db.passkey.findMany({
      where: { userId: actor.userId },
      select: { id: true, name: true, createdAt: true, lastUsedAt: true, backedUp: true },
      orderBy: { createdAt: "asc" },
    }),
    db.recoveryCode.count({ where: { userId: actor.userId, usedAt: null } }),
  ]);
  return { passkeys, recoveryCodesLeft };
}

/**
 * Removes one of the actor's own passkeys. Staff, managers and admins confirm with a passkey first
 * and keep at least one: their sign-in needs it, and without one the next mail link alone could
 * register another (so the last admin is never left with only a mailbox between them and the role).
 */
export async function removeOwnPasskey(db: Db, actor: Actor, passkeyId: string): Promise<void> {
  const staffLike = needsSecondFactor(actor.role);
  if (staffLike) assertRecentPasskey(actor);
  await db.$transaction(async (tx) => {
    const own = await tx.passkey.findMany({
      where: { userId: actor.userId },
      select: { id: true },
    });
    if (!own.some((p) => p.id === passkeyId)) throw new AppError("NOT_FOUND");
    if (staffLike && own.length === 1) throw new AppError("CONFLICT", "passkeys.errors.keepOne");
    await tx.passkey.delete({ where: { id: passkeyId } });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "passkey.removed",
      entityType: "Passkey",
      entityId: passkeyId,
      ip: actor.ip,
    });
  });
}

/**
 * An admin revokes another staff member's passkeys and recovery codes and ends their sessions:
 * at their next sign-in by mail they register a new passkey (a lost or stolen device). Not one's
 * own (the account page does that, keeping one), and not the last admin's.
 */
export async function revokePasskeys(db: Db, actor: Actor, userId: string): Promise<number> {
  if (!can(actor.role, "passkeys:revoke")) throw new AppError("FORBIDDEN");
  assertRecentPasskey(actor);
  if (userId === actor.userId) throw new AppError("CONFLICT", "passkeys.errors.notOwn");
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(4207212)`;
    const target = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!target || !needsSecondFactor(target.role)) throw new AppError("NOT_FOUND");
    if (target.role === "ADMIN") {
      const admins = await tx.user.count({ where: { role: "ADMIN" } });
      if (admins <= 1) throw new AppError("CONFLICT", "passkeys.errors.lastAdmin");
    }
    const removed = await tx.passkey.deleteMany({ where: { userId } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "passkey.revoked",
      entityType: "User",
      entityId: userId,
      ip: actor.ip,
      data: { passkeys: removed.count },
    });
    return removed.count;
  });
}

export async function hasPasskey(db: Db, userId: string): Promise<boolean> {
  return (await db.passkey.count({ where: { userId } })) > 0;
}
