import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db";
import { enqueueDrpCallback } from "@/lib/drp/callback";
import { AppError } from "@/lib/errors";
import type { Outcome, RefusalGround, RequestStatus } from "@/lib/generated/prisma/enums";
import { toLocale } from "@/lib/i18n/config";
import { enqueueMail } from "@/lib/mail/enqueue";

import { complaintAuthorities } from "./complaint-authorities";
import { runLegalClock } from "./legal-clock";

import { complaintNoticeDue } from "@/lib/requests/complaints";
import {
  asksForErasure,
  checkTransition,
  needsGrounds,
  type TransitionName,
} from "@/lib/requests/lifecycle";

/**
 * Moves a request along the lifecycle in the caller's transaction: checks the rule and the
 * actor's permission, updates the status only if nobody changed it meanwhile, and writes the
 * timeline event, the audit event and the requester's mail with it.
 */
export async function applyTransition(
  tx: Tx,
  input: {
    requestId: string;
    name: TransitionName;
    actor: Pick<Actor, "userId" | "role" | "ip">;
    outcome?: Outcome;
    /** Legal grounds of a refusal or partial refusal (required for those outcomes). */
    refusalGrounds?: RefusalGround[];
    note?: string;
    /** feeReceived: the day the fee arrived, where the clock restarts from it. */
    feeReceivedAt?: Date;
  },
): Promise<{ from: RequestStatus; to: RequestStatus }> {
  const request = await tx.request.findUnique({
    where: { id: input.requestId },
    select: {
      id: true,
      status: true,
      reference: true,
      type: true,
      details: true,
      locale: true,
      jurisdictions: true,
      residenceCountry: true,
      filedBy: { select: { email: true } },
    },
  });
  if (!request) throw new AppError("NOT_FOUND");
  const check = checkTransition(input.name, request.status, input.outcome, {
    type: request.type,
    erasure: asksForErasure(request.type, request.details),
  });
  if (!check.ok)
    throw new AppError(
      check.reason === "APPROVAL_REQUIRED" ? "APPROVAL_REQUIRED" : "ILLEGAL_TRANSITION",
    );
  if (!can(input.actor.role, check.rule.permission)) throw new AppError("FORBIDDEN");
  if (input.outcome && needsGrounds(input.outcome) && !input.refusalGrounds?.length)
    throw new AppError("INVALID_INPUT", "validation.groundsRequired");

  const now = new Date();
  const closes = check.rule.to === "COMPLETED" || check.rule.to === "WITHDRAWN";
  const updated = await tx.request.updateMany({
    where: { id: request.id, status: request.status },
    data: {
      status: check.rule.to,
      ...(input.name === "verifyIdentity" ? { identityVerifiedAt: now } : {}),
      ...(closes
        ? {
            closedAt: now,
            outcome: input.outcome ?? null,
            outcomeNote: input.note ?? null,
            // Grounds belong to refusals (and to closing as unverifiable); a fulfilled request
            // never carries any.
            refusalGrounds:
              input.outcome && input.outcome !== "FULFILLED" ? (input.refusalGrounds ?? []) : [],
          }
        : {}),
    },
  });
  if (updated.count !== 1) throw new AppError("CONFLICT");
  await runLegalClock(tx, {
    requestId: request.id,
    jurisdictions: request.jurisdictions,
    from: request.status,
    to: check.rule.to,
    reason: input.name,
    at: now,
    feeReceivedAt: input.feeReceivedAt,
  });

  await tx.requestEvent.create({
    data: {
      requestId: request.id,
      kind: input.name,
      fromStatus: request.status,
      toStatus: check.rule.to,
      actorId: input.actor.userId,
      visibleToRequester: check.rule.visibleToRequester,
      note: input.note || null,
      data: input.outcome
        ? { outcome: input.outcome, refusalGrounds: input.refusalGrounds ?? [] }
        : {},
      at: now,
    },
  });
  await recordAudit(tx, {
    actorId: input.actor.userId,
    actorRole: input.actor.role,
    action: `request.${input.name}`,
    entityType: "Request",
    entityId: request.id,
    requestId: request.id,
    ip: input.actor.ip,
    data: { from: request.status, to: check.rule.to, outcome: input.outcome ?? null },
  });
  if (request.filedBy?.email && check.rule.visibleToRequester) {
    // A refusal of any kind says where to complain (lib/requests/complaints.ts).
    const complaint: Record<string, string> =
      closes && complaintNoticeDue(input.outcome ?? null, false)
        ? { complaint: JSON.stringify(await complaintAuthorities(tx, request)) }
        : {};
    await enqueueMail(tx, {
      kind: "requestStatusChanged",
      locale: toLocale(request.locale),
      to: request.filedBy.email,
      params: { reference: request.reference, status: check.rule.to, ...complaint },
    });
  }
  // An agent that filed over DRP with a callback URL is told the new status.
  await enqueueDrpCallback(tx, request.id);
  return { from: request.status, to: check.rule.to };
}
