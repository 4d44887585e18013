import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { OPEN_STATUSES } from "@/lib/requests/lifecycle";

/** Open and overdue requests, for the manager's overview. */
export async function countDeadlines(options: { actor: Actor; now: Date }) {
  if (!can(options.actor.role, "manager:dashboard")) throw new AppError("FORBIDDEN");
  const open = { status: { in: [...OPEN_STATUSES] } };
  const db = getDb();
  const [openCount, overdueCount] = await Promise.all([
    db.request.count({ where: open }),
    db.request.count({ where: { ...open, dueAt: { lt: options.now } } }),
  ]);
  return { openCount, overdueCount };
}
