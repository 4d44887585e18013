import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { isOpen } from "@/lib/requests/lifecycle";

/** Who a request is assigned to, for the claim and reassign control; null when not visible. */
export async function getAssignment(options: { actor: Actor; reference: string }) {
  if (!can(options.actor.role, "request:read-any")) return null;
  const found = await getDb().request.findUnique({
    where: { reference: options.reference },
    select: { status: true, assigneeId: true, assignee: { select: { name: true, email: true } } },
  });
  if (!found) return null;
  return {
    open: isOpen(found.status),
    assigneeId: found.assigneeId,
    assigneeName: found.assignee ? (found.assignee.name ?? found.assignee.email) : null,
  };
}
