import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TStaffAdd } from "@/lib/validation/policies-config";

import { assertMayChange, requireStaffManage } from "./role-rules";

const isDataSubject = () =>
  new AppError("CONFLICT", "settingsPolicies.errors.isDataSubject", {
    email: "settingsPolicies.errors.isDataSubject",
  });

/**
 * Gives a person a staff role: a new account, or an existing one that is only a sign-in. A
 * person known as a data subject (a Subject record linked to the account or under the same
 * address) is refused rather than silently given access to everyone's requests.
 */
export async function addStaff(options: { actor: Actor; input: TStaffAdd }) {
  const { actor, input } = options;
  requireStaffManage(actor);
  assertRecentPasskey(actor);
  assertMayChange(actor, "SUBJECT", input.role);
  return getDb().$transaction(async (tx) => {
    const existing = await tx.user.findFirst({
      where: { email: { equals: input.email, mode: "insensitive" } },
      select: { id: true, role: true, name: true, subject: { select: { id: true } } },
    });
    if (existing && existing.role !== "SUBJECT")
      throw new AppError("CONFLICT", "settingsPolicies.errors.alreadyStaff", {
        email: "settingsPolicies.errors.alreadyStaff",
      });
    if (existing?.subject) throw isDataSubject();
    const subjectByEmail = await tx.subject.count({
      where: { email: { equals: input.email, mode: "insensitive" } },
    });
    if (subjectByEmail > 0) throw isDataSubject();

    const user = existing
      ? await tx.user.update({
          where: { id: existing.id },
          data: { role: input.role, name: existing.name || input.name },
          select: { id: true },
        })
      : await tx.user.create({
          data: { email: input.email, name: input.name, role: input.role },
          select: { id: true },
        });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "staff.add",
      entityType: "User",
      entityId: user.id,
      ip: actor.ip,
      data: { from: existing ? "SUBJECT" : null, to: input.role, created: !existing },
    });
    return { id: user.id };
  });
}
