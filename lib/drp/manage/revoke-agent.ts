import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TDrpAgentRef } from "@/lib/validation/drp";

/**
 * Revokes an agent and every token it holds, at once: its next call is refused. Requests it
 * already filed stay in the queue and are handled as any other.
 */
export async function revokeDrpAgent(options: { actor: Actor; input: TDrpAgentRef }) {
  const { actor, input } = options;
  if (!can(actor.role, "integration:configure")) throw new AppError("FORBIDDEN");
  assertRecentPasskey(actor);
  return getDb().$transaction(async (tx) => {
    const agent = await tx.drpAgent.findUnique({
      where: { id: input.id },
      select: { id: true, agentId: true },
    });
    if (!agent) throw new AppError("NOT_FOUND");
    const now = new Date();
    // Conditional on still being active, so two revocations at once audit one.
    const { count } = await tx.drpAgent.updateMany({
      where: { id: agent.id, revokedAt: null },
      data: { revokedAt: now },
    });
    if (count === 0) throw new AppError("CONFLICT", "drp.errors.notActive");
    const tokens = await tx.drpToken.updateMany({
      where: { agentId: agent.id, revokedAt: null },
      data: { revokedAt: now },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      ip: actor.ip,
      action: "drp-agent.revoke",
      entityType: "DrpAgent",
      entityId: agent.id,
      data: { agentId: agent.agentId, tokensRevoked: tokens.count },
    });
    return { id: agent.id };
  });
}
