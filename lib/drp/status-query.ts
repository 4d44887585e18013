import type { Db, Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

import { toExerciseStatus, type ExerciseStatus } from "./status";

// A DRP request's status read from the database. Apart from lib/drp/protocol.ts so the job worker
// (the status callback, lib/drp/callback.ts) reads it without the filing code's server modules.

export const STATUS_SELECT = {
  id: true,
  agentId: true,
  agentRequestId: true,
  request: {
    select: {
      status: true,
      outcome: true,
      refusalGrounds: true,
      receivedAt: true,
      dueAt: true,
      extendedDueAt: true,
    },
  },
} as const;

export type StatusRow = Prisma.DrpRequestGetPayload<{ select: typeof STATUS_SELECT }>;

export function statusOf(row: StatusRow): ExerciseStatus {
  return toExerciseStatus({ drpId: row.id, agentRequestId: row.agentRequestId, ...row.request });
}

export async function exerciseStatusById(db: Tx | Db, id: string) {
  const row = await db.drpRequest.findUnique({ where: { id }, select: STATUS_SELECT });
  return row ? statusOf(row) : null;
}
