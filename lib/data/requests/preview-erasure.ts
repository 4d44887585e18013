import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { loadFieldLabels } from "@/lib/data/data-map/field-labels";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { erasureScopeWhere, keptWhere } from "@/lib/fulfilment/engine/internal/erasure-rule";

/**
 * Before a person confirms an erasure request: how many of their items it would reach, and which
 * of those the organisation must keep and why (legal holds, retention duties; APPI Art.35 only
 * requires erasure "to the extent necessary"). The rule is the erasure's own
 * (lib/fulfilment/engine/internal/erasure-rule.ts), so the preview matches what is done. Each
 * kept item carries its field's label in both languages, never the field's key.
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
  const where = erasureScopeWhere({ subjectId: subject.id, erasureScope, categoryKeys });
  const [total, kept, labels] = await Promise.all([
    db.personalDataItem.count({ where }),
    db.personalDataItem.findMany({
      where: { AND: [where, keptWhere(now)] },
      orderBy: { collectedAt: "desc" },
      select: {
        id: true,
        field: true,
        systemId: true,
        legalHold: true,
        legalHoldReason: true,
        retainUntil: true,
        category: { select: { nameJa: true, nameEn: true } },
        system: { select: { nameJa: true, nameEn: true } },
      },
    }),
    loadFieldLabels(db),
  ]);
  return {
    known: true as const,
    total,
    kept: kept.map(({ field, systemId, ...k }) => ({
      ...k,
      label: {
        nameJa: labels.get(systemId, field, "ja", k.category.nameJa),
        nameEn: labels.get(systemId, field, "en", k.category.nameEn),
      },
    })),
  };
}
