import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TFees } from "@/lib/validation/policies-config";

import { requirePolicyConfigure } from "./policy-rules";

/**
 * Sets the fees the request form announces and the transparency page lists. The caller flushes
 * the public page's cache tag after the transaction commits.
 */
export async function updateFees(options: { actor: Actor; input: TFees }) {
  const { actor, input } = options;
  requirePolicyConfigure(actor);
  assertRecentPasskey(actor);
  await getDb().$transaction(async (tx) => {
    const org = await tx.organisation.findFirst({
      select: { id: true, disclosureFeeYen: true, purposeNotificationFeeYen: true },
    });
    if (!org) throw new AppError("NOT_FOUND");
    await tx.organisation.update({
      where: { id: org.id },
      data: {
        disclosureFeeYen: input.disclosureFeeYen,
        purposeNotificationFeeYen: input.purposeNotificationFeeYen,
      },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "config.fees.update",
      entityType: "Organisation",
      entityId: org.id,
      ip: actor.ip,
      data: {
        fromDisclosureFeeYen: org.disclosureFeeYen,
        fromPurposeNotificationFeeYen: org.purposeNotificationFeeYen,
        disclosureFeeYen: input.disclosureFeeYen,
        purposeNotificationFeeYen: input.purposeNotificationFeeYen,
      },
    });
  });
}
