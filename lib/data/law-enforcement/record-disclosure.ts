import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TLawEnforcementEntry } from "@/lib/validation/law-enforcement";

/**
 * Records one request from law enforcement in the register, with its audit event (ids and codes
 * only), in one transaction. Four eyes: the approver is a MANAGER or ADMIN other than the
 * recorder. The date is kept at noon Japan time so the public yearly counts (Japan time) place it
 * in the right year.
 */
export async function recordDisclosure(options: { actor: Actor; input: TLawEnforcementEntry }) {
  const { actor, input } = options;
  if (!can(actor.role, "policy:configure")) throw new AppError("FORBIDDEN");
  if (input.approverId === actor.userId)
    throw new AppError("INVALID_INPUT", "lawEnforcement.errors.selfApprover", {
      approverId: "lawEnforcement.errors.selfApprover",
    });
  const disclosedAt = new Date(`${input.disclosedOn}T12:00:00+09:00`);
  if (Number.isNaN(disclosedAt.getTime()) || disclosedAt.getTime() > Date.now() + 12 * 3600_000)
    throw new AppError("INVALID_INPUT", "lawEnforcement.errors.future", {
      disclosedOn: "lawEnforcement.errors.future",
    });

  return getDb().$transaction(async (tx) => {
    const approver = await tx.user.findUnique({
      where: { id: input.approverId },
      select: { role: true },
    });
    if (!approver || !can(approver.role, "policy:configure"))
      throw new AppError("INVALID_INPUT", "lawEnforcement.errors.approverNotManager", {
        approverId: "lawEnforcement.errors.approverNotManager",
      });

    const items = [...new Set(input.items)];
    if (items.length > 0) {
      const known = await tx.dataCategory.count({ where: { key: { in: items } } });
      if (known !== items.length)
        throw new AppError("INVALID_INPUT", "lawEnforcement.errors.unknownItem", {
          items: "lawEnforcement.errors.unknownItem",
        });
    }

    let subjectId: string | null = null;
    if (input.subjectEmail) {
      const subjects = await tx.subject.findMany({
        where: {
          OR: [
            { email: { equals: input.subjectEmail, mode: "insensitive" } },
            { user: { email: { equals: input.subjectEmail, mode: "insensitive" } } },
          ],
        },
        select: { id: true },
        take: 2,
      });
      if (subjects.length === 0)
        throw new AppError("INVALID_INPUT", "lawEnforcement.errors.subjectNotFound", {
          subjectEmail: "lawEnforcement.errors.subjectNotFound",
        });
      if (subjects.length > 1)
        throw new AppError("INVALID_INPUT", "lawEnforcement.errors.subjectAmbiguous", {
          subjectEmail: "lawEnforcement.errors.subjectAmbiguous",
        });
      subjectId = subjects[0]?.id ?? null;
    }

    const entry = await tx.lawEnforcementDisclosure.create({
      data: {
        subjectId,
        authority: input.authority,
        basis: input.basis,
        issuingOfficer: input.issuingOfficer,
        scope: input.scope,
        items,
        approverId: input.approverId,
        recordedById: actor.userId,
        disclosedAt,
        decision: input.decision,
        note: input.note,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "law-enforcement.record",
      entityType: "LawEnforcementDisclosure",
      entityId: entry.id,
      ip: actor.ip,
      data: {
        basis: input.basis,
        decision: input.decision,
        approverId: input.approverId,
        subjectId,
        items: items.join(","),
      },
    });
    return { id: entry.id };
  });
}
