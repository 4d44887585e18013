import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

import {
  assertPolicyRules,
  policyAuditData,
  policyColumns,
  requirePolicyConfigure,
  type PolicyValues,
} from "./policy-rules";

/**
 * Saves one deadline policy (a jurisdiction's base row or a per-type row). Requests already
 * received keep their due dates: those are derived when a request arrives or its clock moves
 * (lib/data/requests/deadline-rule.ts), never rewritten here.
 */
export async function updateDeadlinePolicy(options: {
  actor: Actor;
  id: string;
  values: PolicyValues;
}) {
  const { actor, id, values } = options;
  requirePolicyConfigure(actor);
  assertRecentPasskey(actor);
  return getDb().$transaction(async (tx) => {
    const existing = await tx.deadlinePolicy.findUnique({ where: { id } });
    if (!existing) throw new AppError("NOT_FOUND");
    assertPolicyRules(existing.jurisdiction, values);
    await tx.deadlinePolicy.update({ where: { id }, data: policyColumns(values) });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "config.deadline-policy.update",
      entityType: "DeadlinePolicy",
      entityId: id,
      ip: actor.ip,
      data: {
        jurisdiction: existing.jurisdiction,
        requestType: existing.requestType,
        fromAmount: existing.amount,
        fromUnit: existing.unit,
        ...policyAuditData(values),
      },
    });
    return { id };
  });
}
