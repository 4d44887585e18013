import "server-only";

import { cache } from "react";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type Tx } from "@/lib/db";
import { endOfLocalDay, parseIsoDate, readerZone } from "@/lib/deadlines/calendar";
import {
  checkExtension,
  JP_DEFAULT_POLICY,
  selectPolicy,
  type ExtensionCheck,
} from "@/lib/deadlines/engine";
import { enqueueDrpCallback } from "@/lib/drp/callback";
import { AppError } from "@/lib/errors";
import type { Jurisdiction } from "@/lib/generated/prisma/enums";
import { toLocale } from "@/lib/i18n/config";
import { enqueueMail } from "@/lib/mail/enqueue";
import { isOpen } from "@/lib/requests/lifecycle";
import {
  ZExtensionProposal,
  type TExtensionProposal,
  type TProposeExtension,
} from "@/lib/validation/extensions";

import { complaintAuthorities } from "./complaint-authorities";
import { currentDeadlines, recomputeDueAt } from "./deadline-rule";
import { requestIdFor } from "./request-id";

// Deadline extensions under four eyes: staff propose (a pending Approval of kind EXTENSION), a
// manager other than the asker approves through decide-approval.ts, which calls
// applyExtensionDecision here: the Extension row, the recomputed Request.extendedDueAt, the
// requester's timeline and the notice mail, in the decider's transaction.

/** Statuses in which an extension may be proposed: open, not yet waiting for an outcome. */
const PROPOSABLE = [
  "SUBMITTED",
  "AWAITING_IDENTITY",
  "IDENTITY_REVIEW",
  "IN_PROGRESS",
  "NEEDS_INFO",
  "AWAITING_FEE",
];

/**
 * Whether the law lets this request be extended in this jurisdiction now (and to when). The new
 * date is an instant, or a calendar day staff chose (YYYY-MM-DD), which ends at midnight in the
 * jurisdiction's own time; null asks for the legal maximum.
 */
async function checkFor(
  tx: Tx,
  requestId: string,
  jurisdiction: Jurisdiction,
  newDue: Date | string | null,
  now: Date,
): Promise<ExtensionCheck> {
  const request = await tx.request.findUniqueOrThrow({
    where: { id: requestId },
    select: { type: true, jurisdictions: true },
  });
  if (!request.jurisdictions.includes(jurisdiction))
    return { allowed: false, reason: "deadlines.extension.notAllowed" };
  const policies = await tx.deadlinePolicy.findMany({
    where: { jurisdiction, OR: [{ requestType: request.type }, { requestType: null }] },
  });
  const policy =
    selectPolicy(policies, jurisdiction, request.type) ??
    (jurisdiction === "JP" ? JP_DEFAULT_POLICY : undefined);
  const { result } = await recomputeDueAt(tx, requestId, { now });
  const deadline = result.jurisdictions.find((j) => j.jurisdiction === jurisdiction);
  if (!policy || !deadline) return { allowed: false, reason: "deadlines.extension.notAllowed" };
  const priorExtensions = await tx.extension.count({ where: { requestId, jurisdiction } });
  const newDueAt =
    typeof newDue === "string" ? endOfLocalDay(parseIsoDate(newDue), deadline.zone) : newDue;
  // Counted as the engine counts: from the clock's start (UK: the identity's arrival), in the
  // jurisdiction's own time.
  return checkExtension({
    policy,
    receivedAt: deadline.clockStartAt,
    zone: deadline.zone,
    dueAt: deadline.dueAt,
    priorExtensions,
    noticeAt: now,
    newDueAt,
  });
}

function refuse(
  check: ExtensionCheck,
): asserts check is Extract<ExtensionCheck, { allowed: true }> {
  if (!check.allowed)
    throw new AppError("INVALID_INPUT", check.reason, { newDueDate: check.reason });
}

/** Staff propose an extension; nothing changes for the requester until a manager approves. */
export async function proposeExtension(options: {
  actor: Actor;
  input: TProposeExtension;
  now?: Date;
}): Promise<{ approvalId: string }> {
  const { actor, input } = options;
  if (!can(actor.role, "request:complete")) throw new AppError("FORBIDDEN");
  const requestId = await requestIdFor(actor, input.reference);
  const now = options.now ?? new Date();
  return getDb().$transaction(async (tx) => {
    const request = await tx.request.findUniqueOrThrow({
      where: { id: requestId },
      select: { status: true, jurisdictions: true },
    });
    if (!PROPOSABLE.includes(request.status))
      throw new AppError("ILLEGAL_TRANSITION", "errors.illegalTransition");
    if (!request.jurisdictions.includes(input.jurisdiction))
      throw new AppError("INVALID_INPUT", "extensions.notInJurisdiction", {
        jurisdiction: "extensions.notInJurisdiction",
      });
    const pending = await tx.approval.count({
      where: { requestId, kind: "EXTENSION", decision: "PENDING" },
    });
    if (pending > 0) throw new AppError("CONFLICT", "extensions.pendingExists");
    const chosen = input.dueChoice === "DATE" ? input.newDueDate : null;
    const check = await checkFor(tx, requestId, input.jurisdiction, chosen, now);
    refuse(check);

    const proposal: TExtensionProposal = {
      jurisdiction: input.jurisdiction,
      reason: input.reason,
      newDueAt: chosen ? check.dueAt.toISOString() : null,
    };
    const approval = await tx.approval.create({
      data: { requestId, kind: "EXTENSION", requestedById: actor.userId, proposal },
      select: { id: true },
    });
    await tx.requestEvent.create({
      data: {
        requestId,
        kind: "extensionProposed",
        actorId: actor.userId,
        visibleToRequester: false,
        data: { approvalId: approval.id, jurisdiction: input.jurisdiction },
        at: now,
      },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "approval.request",
      entityType: "Approval",
      entityId: approval.id,
      requestId,
      ip: actor.ip,
      data: { kind: "EXTENSION", jurisdiction: input.jurisdiction },
    });
    return { approvalId: approval.id };
  });
}

/**
 * The approved or rejected extension, inside the decider's transaction (decide-approval.ts has
 * claimed the approval and audited the decision). Approving checks the law again at the moment of
 * notice, writes the Extension with its notice time, stores the recomputed extended due date,
 * shows the reason on the requester's timeline and mails the notice; rejecting only records it.
 */
export async function applyExtensionDecision(
  tx: Tx,
  options: {
    actor: Actor;
    requestId: string;
    approvalId: string;
    proposal: unknown;
    decision: "APPROVED" | "REJECTED";
    note: string;
    now: Date;
  },
): Promise<void> {
  const { actor, requestId, approvalId, now } = options;
  if (options.decision === "REJECTED") {
    await tx.requestEvent.create({
      data: {
        requestId,
        kind: "extensionRejected",
        actorId: actor.userId,
        visibleToRequester: false,
        note: options.note,
        data: { approvalId },
        at: now,
      },
    });
    return;
  }
  const proposal = ZExtensionProposal.parse(options.proposal);
  const request = await tx.request.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      status: true,
      reference: true,
      locale: true,
      residenceCountry: true,
      residenceRegion: true,
      jurisdictions: true,
      filedBy: { select: { email: true } },
    },
  });
  if (!isOpen(request.status)) throw new AppError("ILLEGAL_TRANSITION", "errors.illegalTransition");
  const newDueAt = proposal.newDueAt ? new Date(proposal.newDueAt) : null;
  const check = await checkFor(tx, requestId, proposal.jurisdiction, newDueAt, now);
  refuse(check);

  const extension = await tx.extension.create({
    data: {
      requestId,
      jurisdiction: proposal.jurisdiction,
      reason: proposal.reason,
      newDueAt: check.dueAt,
      noticeSentAt: now,
      createdById: actor.userId,
      createdAt: now,
    },
    select: { id: true },
  });
  const deadlines = await recomputeDueAt(tx, requestId, { now });
  await tx.request.update({
    where: { id: requestId },
    data: { extendedDueAt: deadlines.extendedDueAt },
  });
  // DRP 0.9 §3.08: an extension is told to the agent with the new expected_by.
  await enqueueDrpCallback(tx, requestId);
  const dueDate = (deadlines.extendedDueAt ?? deadlines.dueAt).toISOString();
  await tx.requestEvent.create({
    data: {
      requestId,
      kind: "extended",
      actorId: actor.userId,
      visibleToRequester: true,
      note: proposal.reason,
      data: { jurisdiction: proposal.jurisdiction, newDueAt: dueDate },
      at: now,
    },
  });
  await recordAudit(tx, {
    actorId: actor.userId,
    actorRole: actor.role,
    action: "request.extend",
    entityType: "Extension",
    entityId: extension.id,
    requestId,
    ip: actor.ip,
    data: { approvalId, jurisdiction: proposal.jurisdiction, extendedDueAt: dueDate },
  });
  if (request.filedBy?.email) {
    await enqueueMail(tx, {
      kind: "extensionNotice",
      locale: toLocale(request.locale),
      to: request.filedBy.email,
      params: {
        reference: request.reference,
        dueDate,
        dueZone: readerZone(request.residenceCountry, request.residenceRegion),
        reason: proposal.reason,
        complaint: JSON.stringify(await complaintAuthorities(tx, request)),
      },
    });
  }
}

/**
 * What the extension part of the decision panel needs: where the law allows one and its first
 * period is still running (the notice must go out inside it), where that period has passed, and
 * the pending proposal.
 */
export function getExtensionState(options: { actor: Actor; reference: string }) {
  return extensionState(options.actor, options.reference);
}

// The decision panel reads it to decide whether to show the section, which reads it again: one
// server render computes it once per actor and reference.
const extensionState = cache(async (actor: Actor, reference: string) => {
  if (!can(actor.role, "request:read-any")) throw new AppError("FORBIDDEN");
  const requestId = await requestIdFor(actor, reference);
  const now = new Date();
  const [pending, { request, policies, extensions, result }] = await Promise.all([
    getDb().approval.findFirst({
      where: { requestId, kind: "EXTENSION", decision: "PENDING" },
      orderBy: { requestedAt: "desc" },
      select: {
        id: true,
        proposal: true,
        requestedAt: true,
        requestedById: true,
        requestedBy: { select: { name: true, email: true } },
      },
    }),
    // The same derivation the jurisdiction panel shows, with the policies and extensions it
    // read: made once per page.
    currentDeadlines(requestId),
  ]);
  const allowed = request.jurisdictions.filter((j) => {
    const policy = selectPolicy(policies, j, request.type);
    return policy?.extensionAmount != null && !extensions.some((e) => e.jurisdiction === j);
  });
  const extendable = allowed.flatMap((j) => {
    const clock = result.jurisdictions.find((d) => d.jurisdiction === j);
    return clock && clock.dueAt.getTime() >= now.getTime()
      ? [{ jurisdiction: j, noticeBy: clock.dueAt, zone: clock.zone }]
      : [];
  });
  const closed = allowed.filter((j) => !extendable.some((e) => e.jurisdiction === j));
  return {
    extendable,
    closed,
    pending: pending && {
      id: pending.id,
      proposal: ZExtensionProposal.parse(pending.proposal),
      requestedAt: pending.requestedAt,
      requestedById: pending.requestedById,
      requestedBy: pending.requestedBy.name ?? pending.requestedBy.email,
    },
  };
});
