import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Every registered DRP agent, newest first, with how many requests it has filed. */
export async function listDrpAgents(options: { actor: Actor }) {
  const { actor } = options;
  if (!can(actor.role, "integration:configure")) throw new AppError("FORBIDDEN");
  const agents = await getDb().drpAgent.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      agentId: true,
      name: true,
      verifyKey: true,
      identityAssuranceUrl: true,
      technicalContact: true,
      createdAt: true,
      revokedAt: true,
      _count: { select: { requests: true } },
    },
  });
  return agents.map(({ _count, ...agent }) => ({ ...agent, requestCount: _count.requests }));
}

export type DrpAgentRow = Awaited<ReturnType<typeof listDrpAgents>>[number];
