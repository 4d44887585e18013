import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { OPEN_STATUSES } from "@/lib/requests/lifecycle";

import {
  assertAdminRemains,
  assertMayChange,
  assertNotSelf,
  loadStaff,
  requireStaffManage,
} from "./role-rules";

/**
 * Takes a person's staff access away (back to a plain sign-in). Refused while they still hold
 * open requests, which would otherwise sit assigned to someone who can no longer open them; the
 * answer says how many so the manager can reassign them first.
 */
export async function removeStaff(options: {
  actor: Actor;
  userId: string;
}): Promise<{ removed: true } | { removed: false; openRequests: number }> {
  const { actor, userId } = options;
  requireStaffManage(actor);
  assertRecentPasskey(actor);
  assertNotSelf(actor, userId);
  return getDb().$transaction(async (tx) => {
    const target = await loadStaff(tx, userId);
    assertMayChange(actor, target.role, "SUBJECT");
    await assertAdminRemains(tx, target, "SUBJECT");
    const openRequests = await tx.request.count({
      where: { assigneeId: target.id, status: { in: [...OPEN_STATUSES] } },
    });
    if (openRequests > 0) return { removed: false, openRequests };
    await tx.user.update({ where: { id: target.id }, data: { role: "SUBJECT" } });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "staff.remove",
      entityType: "User",
      entityId: target.id,
      ip: actor.ip,
      data: { from: target.role, to: "SUBJECT" },
    });
    return { removed: true };
  });
}
