import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import type { TStaffRoleChange } from "@/lib/validation/policies-config";

import {
  assertAdminRemains,
  assertMayChange,
  assertNotSelf,
  loadStaff,
  requireStaffManage,
} from "./role-rules";

/**
 * Moves a staff member between STAFF, MANAGER and ADMIN. Roles are read from the database on
 * every request (database sessions, lib/auth/auth.ts), so the change applies to their next page
 * without ending their session.
 */
export async function changeStaffRole(options: { actor: Actor; input: TStaffRoleChange }) {
  const { actor, input } = options;
  requireStaffManage(actor);
  assertRecentPasskey(actor);
  assertNotSelf(actor, input.userId);
  await getDb().$transaction(async (tx) => {
    const target = await loadStaff(tx, input.userId);
    if (target.role === input.role) return;
    assertMayChange(actor, target.role, input.role);
    await assertAdminRemains(tx, target, input.role);
    await tx.user.update({ where: { id: target.id }, data: { role: input.role } });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "staff.role.change",
      entityType: "User",
      entityId: target.id,
      ip: actor.ip,
      data: { from: target.role, to: input.role },
    });
  });
}
