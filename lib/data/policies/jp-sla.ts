import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

// The JP internal SLA (APPI asks for "without delay"; Art.39 lets the person sue two weeks after
// the request arrives), configurable by managers, 10 calendar days by default.

export async function getJpSla(options: { actor: Actor }) {
  if (!can(options.actor.role, "policy:configure")) throw new AppError("FORBIDDEN");
  const policy = await getDb().deadlinePolicy.findFirst({
    where: { jurisdiction: "JP", requestType: null },
    select: { amount: true, unit: true, updatedAt: true },
  });
  return policy ?? { amount: 10, unit: "CALENDAR_DAYS" as const, updatedAt: null };
}

export async function setJpSla(options: { actor: Actor; days: number }) {
  const { actor, days } = options;
  if (!can(actor.role, "policy:configure")) throw new AppError("FORBIDDEN");
  assertRecentPasskey(actor);
  await getDb().$transaction(async (tx) => {
    const existing = await tx.deadlinePolicy.findFirst({
      where: { jurisdiction: "JP", requestType: null },
    });
    const policy = existing
      ? await tx.deadlinePolicy.update({
          where: { id: existing.id },
          data: { amount: days, unit: "CALENDAR_DAYS" },
        })
      : await tx.deadlinePolicy.create({
          data: { jurisdiction: "JP", amount: days, unit: "CALENDAR_DAYS" },
        });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "policy.update",
      entityType: "DeadlinePolicy",
      entityId: policy.id,
      ip: actor.ip,
      data: { jurisdiction: "JP", from: existing?.amount ?? null, to: days },
    });
  });
}
