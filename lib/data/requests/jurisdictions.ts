import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Jurisdiction } from "@/lib/generated/prisma/enums";
import { toResidence, type JurisdictionReason } from "@/lib/requests/jurisdiction";
import { isOpen } from "@/lib/requests/lifecycle";
import type { TSetJurisdictions } from "@/lib/validation/jurisdictions";

import { currentDeadlines, recomputeDueAt } from "./deadline-rule";
import { requestIdFor } from "./request-id";

const reasonsOf = (value: unknown): Record<string, JurisdictionReason> =>
  value && typeof value === "object" ? (value as Record<string, JurisdictionReason>) : {};

/**
 * The laws a request answers to, each with why and its own clock (after pauses and extensions),
 * and which one governs (the earliest). For staff; NOT_FOUND for an unknown reference.
 */
export async function getJurisdictionState(options: { actor: Actor; reference: string }) {
  const { actor, reference } = options;
  if (!can(actor.role, "request:read-any")) return null;
  // The request's laws and residence come with its deadlines, read once per page.
  const { request, result } = await currentDeadlines(await requestIdFor(actor, reference));
  const reasons = reasonsOf(request.jurisdictionReasons);
  return {
    open: isOpen(request.status),
    residence: toResidence(request.residenceCountry, request.residenceRegion),
    governing: result.governing,
    clocks: result.jurisdictions.map((j) => ({
      jurisdiction: j.jurisdiction,
      reason: reasons[j.jurisdiction] ?? null,
      zone: j.zone,
      /** Set when the count began later than receipt: identity (UK) or a fee asked for arrived. */
      restarted: j.restartedBy ? { at: j.clockStartAt, by: j.restartedBy } : null,
      dueAt: j.effectiveDueAt,
      paused: j.paused,
      extended: j.extension?.status === "applied",
      ackDueAt: j.ackDueAt,
    })),
  };
}

/**
 * Staff change the set of laws (a residence given wrongly, a law that applies for another
 * reason): the kept ones keep their reason, added ones are the staff's; the due dates are derived
 * again; an internal timeline event and an audit event record who, when and why.
 */
export async function setJurisdictions(options: { actor: Actor; input: TSetJurisdictions }) {
  const { actor, input } = options;
  if (!can(actor.role, "request:fulfil")) throw new AppError("FORBIDDEN");
  const wanted = [...new Set(input.jurisdictions)] as Jurisdiction[];
  await getDb().$transaction(async (tx) => {
    const request = await tx.request.findUnique({
      where: { reference: input.reference },
      select: { id: true, status: true, jurisdictions: true, jurisdictionReasons: true },
    });
    if (!request) throw new AppError("NOT_FOUND");
    if (!isOpen(request.status)) throw new AppError("ILLEGAL_TRANSITION");
    const before = reasonsOf(request.jurisdictionReasons);
    const reasons = Object.fromEntries(wanted.map((j) => [j, before[j] ?? "STAFF"]));
    // Conditional on the set the page showed not having moved meanwhile.
    const moved = await tx.request.updateMany({
      where: { id: request.id, jurisdictions: { equals: request.jurisdictions } },
      data: { jurisdictions: wanted, jurisdictionReasons: reasons },
    });
    if (moved.count !== 1) throw new AppError("CONFLICT");
    const due = await recomputeDueAt(tx, request.id);
    await tx.request.update({
      where: { id: request.id },
      data: { dueAt: due.dueAt, extendedDueAt: due.extendedDueAt, ackDueAt: due.ackDueAt },
    });
    await tx.requestEvent.create({
      data: {
        requestId: request.id,
        kind: "jurisdictionsChanged",
        actorId: actor.userId,
        visibleToRequester: false,
        note: input.note,
        data: { from: request.jurisdictions, to: wanted },
      },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "request.jurisdictions",
      entityType: "Request",
      entityId: request.id,
      requestId: request.id,
      ip: actor.ip,
      data: { from: request.jurisdictions.join(","), to: wanted.join(",") },
    });
  });
}
