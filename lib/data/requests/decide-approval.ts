import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { checkApprovalDecision } from "@/lib/requests/lifecycle";
import { applyTransition } from "@/lib/data/requests/transition";
import { ZProposal, type TDecideApproval } from "@/lib/validation/decisions";

import { closeAndRelease } from "./close-and-release";
import { assertNoOpenTasks } from "./open-tasks";
import { applyExtensionDecision } from "./propose-extension";
import { requestIdFor } from "./request-id";

const REFUSALS = {
  FORBIDDEN: "FORBIDDEN",
  ALREADY_DECIDED: "CONFLICT",
  SELF_APPROVAL: "SELF_APPROVAL",
} as const;

/**
 * The second person decides a pending approval. Approving applies the proposal (outcome, legal
 * grounds, the requester's explanation) through the `approve` transition and releases the answer
 * of a (partly) fulfilled request; rejecting returns the request to IN_PROGRESS with the reason as
 * an internal timeline note for the person who asked. The person who asked can never decide it,
 * and of two people deciding at once only the first succeeds (CONFLICT for the other).
 */
export async function decideApproval(options: {
  actor: Actor;
  input: TDecideApproval;
  /** The moment of decision (tests); an extension's notice is sent then. */
  now?: Date;
}) {
  const { actor, input } = options;
  if (!can(actor.role, "request:approve")) throw new AppError("FORBIDDEN");
  assertRecentPasskey(actor);
  const requestId = await requestIdFor(actor, input.reference);
  const approval = await getDb().approval.findFirst({
    where: { id: input.approvalId, requestId },
    select: { id: true, kind: true, decision: true, requestedById: true, proposal: true },
  });
  if (!approval) throw new AppError("NOT_FOUND");
  const check = checkApprovalDecision({
    requestedById: approval.requestedById,
    decision: approval.decision,
    deciderId: actor.userId,
    deciderRole: actor.role,
  });
  if (!check.ok) throw new AppError(REFUSALS[check.reason]);

  // The row is claimed only while still pending and never by the person who asked, so the check
  // above holds at commit time too.
  const decide = async (tx: Tx) => {
    const claimed = await tx.approval.updateMany({
      where: { id: approval.id, decision: "PENDING", requestedById: { not: actor.userId } },
      data: {
        decision: input.decision,
        decidedById: actor.userId,
        decidedAt: new Date(),
        note: input.note,
      },
    });
    if (claimed.count !== 1) throw new AppError("CONFLICT");
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: input.decision === "APPROVED" ? "approval.approve" : "approval.reject",
      entityType: "Approval",
      entityId: approval.id,
      requestId,
      ip: actor.ip,
      data: { kind: approval.kind },
    });
  };

  // A deadline extension leaves the status alone: propose-extension.ts applies or records it.
  if (approval.kind === "EXTENSION") {
    const now = options.now ?? new Date();
    await getDb().$transaction(async (tx) => {
      await decide(tx);
      await applyExtensionDecision(tx, {
        actor,
        requestId,
        approvalId: approval.id,
        proposal: approval.proposal,
        decision: input.decision,
        note: input.note,
        now,
      });
    });
    return;
  }

  if (input.decision === "REJECTED") {
    await getDb().$transaction(async (tx) => {
      await decide(tx);
      await applyTransition(tx, { requestId, name: "rejectApproval", actor, note: input.note });
    });
    return;
  }

  const proposal = ZProposal.parse(approval.proposal);
  await closeAndRelease({
    actor,
    requestId,
    release: proposal.outcome !== "REFUSED",
    apply: async (tx) => {
      await decide(tx);
      await applyTransition(tx, {
        requestId,
        name: "approve",
        actor,
        outcome: proposal.outcome,
        refusalGrounds: proposal.grounds,
        note: proposal.note,
      });
      await assertNoOpenTasks(tx, requestId);
    },
  });
}
