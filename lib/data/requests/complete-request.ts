import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Tx } from "@/lib/db";
import type { RequestType } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { asksForErasure, needsApproval } from "@/lib/requests/lifecycle";
import { applyTransition } from "@/lib/data/requests/transition";
import type { TCompleteRequest } from "@/lib/validation/requests";

import { closeAndRelease } from "./close-and-release";
import { assertNoOpenTasks } from "./open-tasks";
import { requestIdFor } from "./request-id";

/**
 * Staff complete a verified request with an outcome and a note the requester reads, releasing its
 * answer (close-and-release.ts). Outcomes that need a second person (refusals, partial refusals,
 * erasures) are refused here by the lifecycle (APPROVAL_REQUIRED) and go through
 * propose-outcome.ts instead; open fulfilment tasks block completion.
 */
export async function completeRequest(options: { actor: Actor; input: TCompleteRequest }) {
  const { actor, input } = options;
  if (!can(actor.role, "request:complete")) throw new AppError("FORBIDDEN");
  const requestId = await requestIdFor(actor, input.reference);
  const request = await getDb().request.findUniqueOrThrow({
    where: { id: requestId },
    select: { status: true, type: true, details: true },
  });
  const erasure = asksForErasure(request.type, request.details);
  const noData = input.outcome === "NO_DATA_HELD";
  await closeAndRelease({
    actor,
    requestId,
    // Building a result for a request that cannot complete here would be wasted work; "no such
    // data held" releases nothing.
    release:
      !noData &&
      request.status === "IN_PROGRESS" &&
      !needsApproval({ type: request.type, outcome: input.outcome, erasure }),
    apply: async (tx) => {
      if (noData) await assertNoDataHeld(tx, requestId, request.type);
      await applyTransition(tx, {
        requestId,
        name: "complete",
        actor,
        outcome: input.outcome,
        note: input.note,
      });
      await assertNoOpenTasks(tx, requestId);
    },
  });
}

/**
 * "No such data held" must be true: refused while the person has retained items on file (for a
 * provision-records request, provision records), a system's export for the request returned
 * items, or a prepared package holds something.
 */
async function assertNoDataHeld(tx: Tx, requestId: string, type: RequestType): Promise<void> {
  const { subjectId } = await tx.request.findUniqueOrThrow({
    where: { id: requestId },
    select: { subjectId: true },
  });
  const held =
    type === "PROVISION_RECORDS"
      ? await tx.provisionRecord.count({ where: { subjectId } })
      : await tx.personalDataItem.count({
          where: { subjectId, erasedAt: null, linkedToPerson: true },
        });
  const packaged = await tx.responsePackage.count({ where: { requestId, releasedAt: null } });
  // What the organisation's systems answered for this request (their exports) counts too.
  const [exported] = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "FulfilmentTask"
    WHERE "requestId" = ${requestId} AND status = 'SUCCEEDED'
      AND jsonb_typeof(result->'items') = 'array' AND jsonb_array_length(result->'items') > 0`;
  if (held + packaged + (exported?.n ?? 0) > 0)
    throw new AppError("INVALID_INPUT", "decisions.errors.dataHeld", {
      outcome: "decisions.errors.dataHeld",
    });
}
