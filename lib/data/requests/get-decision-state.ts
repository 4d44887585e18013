import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ZProposal } from "@/lib/validation/decisions";

import { OPEN_TASK_STATUSES } from "./open-tasks";
import { requestIdFor } from "./request-id";

const PERSON = { select: { name: true, email: true } } as const;

/**
 * What the decision panel needs beside the request: its open fulfilment tasks (which block
 * closing), the pending approval with its proposal, and the last approval that was sent back.
 */
export async function getDecisionState(options: { actor: Actor; reference: string }) {
  const { actor, reference } = options;
  if (!can(actor.role, "request:read-any")) throw new AppError("FORBIDDEN");
  const requestId = await requestIdFor(actor, reference);
  const db = getDb();
  const [tasks, pending, rejected] = await Promise.all([
    db.fulfilmentTask.groupBy({
      by: ["status"],
      where: { requestId, status: { in: [...OPEN_TASK_STATUSES] } },
      _count: { _all: true },
    }),
    db.approval.findFirst({
      // Extensions have their own part of the panel (propose-extension.ts getExtensionState).
      where: { requestId, decision: "PENDING", kind: { not: "EXTENSION" } },
      orderBy: { requestedAt: "desc" },
      select: {
        id: true,
        kind: true,
        proposal: true,
        requestedAt: true,
        requestedById: true,
        requestedBy: PERSON,
      },
    }),
    db.approval.findFirst({
      where: { requestId, decision: "REJECTED", kind: { not: "EXTENSION" } },
      orderBy: { decidedAt: "desc" },
      select: { note: true, decidedAt: true, decidedBy: PERSON },
    }),
  ]);
  const count = (status: (typeof OPEN_TASK_STATUSES)[number]) =>
    tasks.find((t) => t.status === status)?._count._all ?? 0;
  const openTasks = {
    pending: count("PENDING"),
    running: count("RUNNING"),
    failed: count("FAILED"),
  };
  return {
    openTasks: { ...openTasks, total: openTasks.pending + openTasks.running + openTasks.failed },
    pending: pending && {
      id: pending.id,
      kind: pending.kind,
      proposal: ZProposal.parse(pending.proposal),
      requestedAt: pending.requestedAt,
      requestedById: pending.requestedById,
      requestedBy: pending.requestedBy.name ?? pending.requestedBy.email,
    },
    lastRejection: rejected && {
      note: rejected.note,
      decidedAt: rejected.decidedAt,
      decidedBy: rejected.decidedBy ? (rejected.decidedBy.name ?? rejected.decidedBy.email) : null,
    },
  };
}

export type DecisionState = Awaited<ReturnType<typeof getDecisionState>>;
