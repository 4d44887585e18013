import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ApprovalKind } from "@/lib/generated/prisma/enums";
import { asksForErasure, needsApproval, needsGrounds } from "@/lib/requests/lifecycle";
import { groundsApply } from "@/lib/requests/refusal-grounds";
import { applyTransition } from "@/lib/data/requests/transition";
import type { TDecision, TProposal } from "@/lib/validation/decisions";

import { assertPackageReady } from "../packages/package-ready";
import { assertNoOpenTasks } from "./open-tasks";
import { requestIdFor } from "./request-id";

/**
 * Four eyes: staff propose an outcome that needs a second person (any refusal, full or partial,
 * and the completion of an erasure). The proposal is kept on a pending Approval and the request
 * waits at AWAITING_APPROVAL; decide-approval.ts applies it once someone else approves.
 */
export async function proposeOutcome(options: {
  actor: Actor;
  input: TDecision;
}): Promise<{ approvalId: string }> {
  const { actor, input } = options;
  if (!can(actor.role, "request:complete")) throw new AppError("FORBIDDEN");
  const requestId = await requestIdFor(actor, input.reference);
  return getDb().$transaction(async (tx) => {
    const request = await tx.request.findUniqueOrThrow({
      where: { id: requestId },
      select: {
        id: true,
        type: true,
        jurisdictions: true,
        details: true,
        subjectId: true,
        locale: true,
      },
    });
    const grounds = needsGrounds(input.outcome) ? input.grounds : [];
    if (needsGrounds(input.outcome) && grounds.length === 0)
      throw new AppError("INVALID_INPUT", "validation.groundsRequired", {
        grounds: "validation.groundsRequired",
      });
    if (!groundsApply(request.type, request.jurisdictions, grounds))
      throw new AppError("INVALID_INPUT", "validation.groundNotForType", {
        grounds: "validation.groundNotForType",
      });
    const erasure = asksForErasure(request.type, request.details);
    if (!needsApproval({ type: request.type, outcome: input.outcome, erasure }))
      throw new AppError("ILLEGAL_TRANSITION", "decisions.errors.approvalNotNeeded");

    await applyTransition(tx, { requestId, name: "submitForApproval", actor });
    await assertNoOpenTasks(tx, requestId);
    // A partial disclosure is approved together with the package it releases.
    if (request.type === "DISCLOSURE" && input.outcome !== "REFUSED")
      await assertPackageReady(
        tx,
        request,
        await tx.responsePackage.findMany({
          where: { requestId, releasedAt: null },
          select: { sourcesKey: true },
        }),
      );
    const kind: ApprovalKind = needsGrounds(input.outcome) ? "REFUSAL" : "ERASURE_COMPLETION";
    const proposal: TProposal = { outcome: input.outcome, grounds, note: input.note };
    const approval = await tx.approval.create({
      data: { requestId, kind, requestedById: actor.userId, proposal },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "approval.request",
      entityType: "Approval",
      entityId: approval.id,
      requestId,
      ip: actor.ip,
      data: { kind, outcome: input.outcome, grounds: grounds.join(",") },
    });
    return { approvalId: approval.id };
  });
}
