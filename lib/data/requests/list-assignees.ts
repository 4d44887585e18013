import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can, STAFF_ROLES } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

// The staff list changes when a manager adds or removes someone, which calls forgetAssignees();
// otherwise a minute's reuse spares the queue one query a view (as the ledger's filter options).
// Another app process sees an addition within the minute.
const TTL_MS = 60_000;
let cached: { at: number; data: Promise<Awaited<ReturnType<typeof load>>> } | undefined;

/** The people a request can be assigned to (staff, managers, admins), for filters and reassign. */
export async function listAssignees(options: { actor: Actor }) {
  if (!can(options.actor.role, "queue:read")) throw new AppError("FORBIDDEN");
  if (!cached || Date.now() - cached.at > TTL_MS) {
    const data = load();
    cached = { at: Date.now(), data };
    // A failed load is not kept: the next view tries again.
    data.catch(() => {
      cached = undefined;
    });
  }
  return cached.data;
}

/** Drops the reused list, after a staff account is added or removed. */
export function forgetAssignees() {
  cached = undefined;
}

function load() {
  return getDb().user.findMany({
    where: { role: { in: [...STAFF_ROLES] } },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true },
    take: 500,
  });
}

export type Assignee = Awaited<ReturnType<typeof listAssignees>>[number];
