import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { OPEN_STATUSES } from "@/lib/requests/lifecycle";

/** The staff queue: open requests, the most urgent first. */
export async function listOpenRequests(options: { actor: Actor; take?: number }) {
  if (!can(options.actor.role, "queue:read")) throw new AppError("FORBIDDEN");
  return getDb().request.findMany({
    where: { status: { in: [...OPEN_STATUSES] } },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: options.take ?? 100,
    select: {
      reference: true,
      type: true,
      status: true,
      jurisdictions: true,
      filerRole: true,
      channel: true,
      receivedAt: true,
      dueAt: true,
      assignee: { select: { name: true } },
    },
  });
}
