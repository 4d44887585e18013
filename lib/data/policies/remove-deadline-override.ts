import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

import { policyAuditData, requirePolicyConfigure } from "./policy-rules";

/**
 * Removes a per-type rule; requests of that type then follow the jurisdiction's base rule. The
 * base rule itself stays: without it the jurisdiction would have no deadline at all.
 */
export async function removeDeadlineOverride(options: { actor: Actor; id: string }) {
  const { actor, id } = options;
  requirePolicyConfigure(actor);
  assertRecentPasskey(actor);
  await getDb().$transaction(async (tx) => {
    const existing = await tx.deadlinePolicy.findUnique({ where: { id } });
    if (!existing) throw new AppError("NOT_FOUND");
    if (existing.requestType === null)
      throw new AppError("INVALID_INPUT", "settingsPolicies.errors.baseNotRemovable");
    await tx.deadlinePolicy.delete({ where: { id } });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "config.deadline-policy.delete",
      entityType: "DeadlinePolicy",
      entityId: id,
      ip: actor.ip,
      data: {
        jurisdiction: existing.jurisdiction,
        requestType: existing.requestType,
        ...policyAuditData(existing),
      },
    });
  });
}
