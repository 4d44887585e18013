import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";

import { requestIdFor } from "../requests/request-id";

/** The packages staff built for a request that are not released yet (newest first). */
export async function listPreparedPackages(options: { actor: Actor; reference: string }) {
  const { actor, reference } = options;
  if (!can(actor.role, "request:fulfil")) return [];
  const requestId = await requestIdFor(actor, reference);
  return getDb().responsePackage.findMany({
    where: { requestId, releasedAt: null },
    orderBy: [{ createdAt: "desc" }, { format: "asc" }],
    select: {
      id: true,
      format: true,
      itemCount: true,
      sizeBytes: true,
      sha256: true,
      createdAt: true,
    },
  });
}
