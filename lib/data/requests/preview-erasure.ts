import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Before a person confirms an erasure request: how many of their items it would reach, and which
 * of those the organisation must keep and why (legal holds, retention duties; APPI Art.35 only
 * requires erasure "to the extent necessary").
 */
export async function previewErasure(options: {
  actor: Actor;
  erasureScope: "ALL" | "SELECTED";
  categoryKeys: string[];
  now?: Date;
}) {
  const { actor, erasureScope, categoryKeys } = options;
  if (!can(actor.role, "request:file")) throw new AppError("FORBIDDEN");
  const now = options.now ?? new Date();
  const db = getDb();
  const subject = await db.subject.findUnique({
    where: { userId: actor.userId },
    select: { id: true },
  });
  if (!subject) return { known: false as const, total: 0, kept: [] };
  const where = {
    subjectId: subject.id,
    erasedAt: null,
    ...(erasureScope === "SELECTED" ? { category: { key: { in: categoryKeys } } } : {}),
  };
  const [total, kept] = await Promise.all([
    db.personalDataItem.count({ where }),
    db.personalDataItem.findMany({
      where: { ...where, OR: [{ legalHold: true }, { retainUntil: { gt: now } }] },
      orderBy: { collectedAt: "desc" },
      select: {
        id: true,
        field: true,
        legalHold: true,
        legalHoldReason: true,
        retainUntil: true,
        category: { select: { nameJa: true, nameEn: true } },
        system: { select: { nameJa: true, nameEn: true } },
      },
    }),
  ]);
  return { known: true as const, total, kept };
}
