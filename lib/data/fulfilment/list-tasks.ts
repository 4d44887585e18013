import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requestIdFor } from "@/lib/data/requests/request-id";

/** A request's fulfilment tasks for the staff page, one per system and action. */
export async function listTasks(options: { actor: Actor; reference: string }) {
  const { actor, reference } = options;
  if (!can(actor.role, "request:read-any")) throw new AppError("FORBIDDEN");
  const requestId = await requestIdFor(actor, reference);
  return getDb().fulfilmentTask.findMany({
    where: { requestId },
    orderBy: [{ system: { key: "asc" } }, { action: "asc" }],
    select: {
      id: true,
      action: true,
      status: true,
      attempts: true,
      lastError: true,
      result: true,
      note: true,
      checklist: true,
      startedAt: true,
      finishedAt: true,
      awaitingStart: true,
      acceptedAt: true,
      reminders: true,
      assignee: { select: { id: true, name: true } },
      system: {
        select: { key: true, nameJa: true, nameEn: true, connector: true, config: true },
      },
      attachments: {
        orderBy: { createdAt: "asc" },
        select: { id: true, fileName: true, sizeBytes: true },
      },
    },
  });
}

export type TaskRow = Awaited<ReturnType<typeof listTasks>>[number];
