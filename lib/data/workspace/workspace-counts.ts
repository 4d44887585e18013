import "server-only";

import { cache } from "react";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, sqlRows } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { workspaceCountsQuery } from "@/lib/data/dashboard/dashboard-query";
import { PENDING_APPROVAL_WHERE } from "@/lib/data/requests/list-approvals";

export interface WorkspaceCounts {
  /** Open requests (the queue's total without filters). */
  open: number;
  /** Open requests assigned to the actor. */
  mine: number;
  /** Open requests past their due date (the extended one where there is one). */
  overdue: number;
  /** Decisions waiting for a second person; null for those who may not approve. */
  approvals: number | null;
}

/**
 * The figures beside the workspace sidebar's links (components/layout/workspace-shell.tsx): from
 * the request tallies (lib/data/dashboard/dashboard-query.ts), at a cost that does not grow with
 * the open requests, and the pending approvals for those who decide them.
 * Staff only; cached per request, so a page that asks again pays once.
 */
export const getWorkspaceCounts = cache(async (actor: Actor): Promise<WorkspaceCounts> => {
  if (!can(actor.role, "queue:read")) throw new AppError("FORBIDDEN");
  const [row] = await sqlRows<{ open: number; mine: number; overdue: number }>(
    workspaceCountsQuery(new Date(), actor.userId),
  );
  const approvals = can(actor.role, "request:approve")
    ? await getDb().approval.count({ where: PENDING_APPROVAL_WHERE })
    : null;
  return {
    open: row?.open ?? 0,
    mine: row?.mine ?? 0,
    overdue: row?.overdue ?? 0,
    approvals,
  };
});
