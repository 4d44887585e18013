import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

// The rules every change of a staff account follows, whoever asks and however.

const ELEVATED: readonly Role[] = ["MANAGER", "ADMIN"];

export function requireStaffManage(actor: Actor) {
  if (!can(actor.role, "staff:manage")) throw new AppError("FORBIDDEN");
}

/** Granting or taking away MANAGER or ADMIN is for an ADMIN only (staff:grant-elevated). */
export function assertMayChange(actor: Actor, from: Role, to: Role) {
  const elevated = ELEVATED.includes(from) || ELEVATED.includes(to);
  if (elevated && !can(actor.role, "staff:grant-elevated"))
    throw new AppError("FORBIDDEN", "settingsPolicies.errors.elevatedNeedsAdmin", {
      role: "settingsPolicies.errors.elevatedNeedsAdmin",
    });
}

/** Nobody changes their own role: another person has to (and is audited doing so). */
export function assertNotSelf(actor: Actor, userId: string) {
  if (actor.userId === userId) throw new AppError("FORBIDDEN", "settingsPolicies.errors.ownRole");
}

/**
 * Refuses to take ADMIN from the last one. The ADMIN rows are locked first, so two admins
 * demoting each other at the same moment cannot both succeed and leave nobody.
 */
export async function assertAdminRemains(tx: Tx, target: { id: string; role: Role }, to: Role) {
  if (target.role !== "ADMIN" || to === "ADMIN") return;
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User" WHERE role = 'ADMIN' FOR UPDATE`;
  if (admins.filter((a) => a.id !== target.id).length === 0)
    throw new AppError("CONFLICT", "settingsPolicies.errors.lastAdmin");
}

/** The staff member to change, read inside the transaction; anyone else is "not staff". */
export async function loadStaff(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, role: true },
  });
  if (!user || user.role === "SUBJECT")
    throw new AppError("NOT_FOUND", "settingsPolicies.errors.notStaff");
  return user;
}
