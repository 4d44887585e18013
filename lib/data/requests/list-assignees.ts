import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can, STAFF_ROLES } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** The people a request can be assigned to (staff, managers, admins), for filters and reassign. */
export async function listAssignees(options: { actor: Actor }) {
  if (!can(options.actor.role, "queue:read")) throw new AppError("FORBIDDEN");
  return getDb().user.findMany({
    where: { role: { in: [...STAFF_ROLES] } },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true },
    take: 500,
  });
}

export type Assignee = Awaited<ReturnType<typeof listAssignees>>[number];
