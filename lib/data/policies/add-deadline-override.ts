import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TDeadlineOverrideCreate } from "@/lib/validation/policies-config";

import {
  assertPolicyRules,
  policyAuditData,
  policyColumns,
  requirePolicyConfigure,
} from "./policy-rules";

/** Adds a jurisdiction's rule for one request type; the jurisdiction's base rule must exist. */
export async function addDeadlineOverride(options: {
  actor: Actor;
  input: TDeadlineOverrideCreate;
}) {
  const { actor, input } = options;
  requirePolicyConfigure(actor);
  assertRecentPasskey(actor);
  assertPolicyRules(input.jurisdiction, input);
  return getDb().$transaction(async (tx) => {
    const rows = await tx.deadlinePolicy.findMany({
      where: { jurisdiction: input.jurisdiction },
      select: { requestType: true },
    });
    if (!rows.some((r) => r.requestType === null))
      throw new AppError("INVALID_INPUT", "settingsPolicies.errors.noBase", {
        jurisdiction: "settingsPolicies.errors.noBase",
      });
    if (rows.some((r) => r.requestType === input.requestType))
      throw new AppError("CONFLICT", "settingsPolicies.errors.overrideExists", {
        requestType: "settingsPolicies.errors.overrideExists",
      });
    const row = await tx.deadlinePolicy.create({
      data: {
        jurisdiction: input.jurisdiction,
        requestType: input.requestType,
        ...policyColumns(input),
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "config.deadline-policy.create",
      entityType: "DeadlinePolicy",
      entityId: row.id,
      ip: actor.ip,
      data: {
        jurisdiction: input.jurisdiction,
        requestType: input.requestType,
        ...policyAuditData(input),
      },
    });
    return { id: row.id };
  });
}
