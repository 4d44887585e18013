import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { OPEN_STATUSES } from "@/lib/requests/lifecycle";

/** Decisions waiting for a second person: outcomes wait at AWAITING_APPROVAL; proposed extensions
 * while the request is still open. The approvals page and the workspace's count share it. */
export const PENDING_APPROVAL_WHERE = {
  decision: "PENDING",
  OR: [
    { request: { status: "AWAITING_APPROVAL" } },
    { kind: "EXTENSION", request: { status: { in: [...OPEN_STATUSES] } } },
  ],
} satisfies Prisma.ApprovalWhereInput;

/** Approvals waiting for a second person, the most urgent request first. */
export async function listPendingApprovals(options: { actor: Actor; take?: number }) {
  const { actor } = options;
  if (!can(actor.role, "request:approve")) throw new AppError("FORBIDDEN");
  const rows = await getDb().approval.findMany({
    where: PENDING_APPROVAL_WHERE,
    orderBy: [{ request: { dueAt: "asc" } }, { requestedAt: "asc" }],
    take: options.take ?? 100,
    select: {
      id: true,
      kind: true,
      requestedAt: true,
      requestedById: true,
      requestedBy: { select: { name: true, email: true } },
      request: { select: { reference: true, type: true, dueAt: true, extendedDueAt: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    requestedAt: row.requestedAt,
    requestedBy: row.requestedBy.name ?? row.requestedBy.email,
    askedByMe: row.requestedById === actor.userId,
    reference: row.request.reference,
    type: row.request.type,
    dueAt: row.request.extendedDueAt ?? row.request.dueAt,
  }));
}
