import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { canonicalVerifyKey } from "@/lib/drp/keys";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TDrpAgentRegistration } from "@/lib/validation/drp";

const duplicate = () =>
  new AppError("CONFLICT", "drp.errors.duplicate", { agentId: "drp.errors.duplicate" });

/**
 * Registers an authorised agent: from then on requests signed with its key are accepted over DRP
 * (lib/drp). The key is stored in its canonical form (standard base64), so the same key written
 * in hex or URL-safe base64 is the same key.
 */
export async function registerDrpAgent(options: { actor: Actor; input: TDrpAgentRegistration }) {
  const { actor, input } = options;
  if (!can(actor.role, "integration:configure")) throw new AppError("FORBIDDEN");
  assertRecentPasskey(actor);
  // The schema checks the key's shape (it also runs in the browser); node:crypto decides here.
  const verifyKey = canonicalVerifyKey(input.verifyKey);
  if (!verifyKey)
    throw new AppError("INVALID_INPUT", undefined, { verifyKey: "drp.errors.badKey" });
  try {
    return await getDb().$transaction(async (tx) => {
      const taken = await tx.drpAgent.findUnique({
        where: { agentId: input.agentId },
        select: { id: true },
      });
      if (taken) throw duplicate();
      const agent = await tx.drpAgent.create({
        data: {
          agentId: input.agentId,
          name: input.name,
          verifyKey,
          identityAssuranceUrl: input.identityAssuranceUrl,
          technicalContact: input.technicalContact,
          registeredById: actor.userId,
        },
        select: { id: true, agentId: true },
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        ip: actor.ip,
        action: "drp-agent.register",
        entityType: "DrpAgent",
        entityId: agent.id,
        data: { agentId: agent.agentId, keyFingerprint: verifyKey.slice(0, 12) },
      });
      return agent;
    });
  } catch (error) {
    // Two managers registering the same agent at once: the loser gets the same answer.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw duplicate();
    throw error;
  }
}
