import { z } from "@/lib/validation/zod";

import type { Tx } from "@/lib/db";

import type { KeptItem, TaskContext, TaskResult } from "../types";

import { erasureScopeWhere, keptBy, keptReason } from "./erasure-rule";
import { sendOnwardNotices } from "./onward-notices";
import { auditChange, ensureRestriction, priorChanges, requestLocale } from "./run-context";

// Erasure (APPI Art.35(1), GDPR Art.17): the person's items in this system within the asked
// scope are emptied and marked erased, except those the law keeps (the same rule the person saw
// in the preview before filing), which are listed with the reason. The request's ERASURE use
// restriction tells the organisation's systems not to re-collect.

const ZDetails = z.object({
  action: z.enum(["SUSPEND", "ERASE"]),
  erasureScope: z.enum(["ALL", "SELECTED"]),
  categoryKeys: z.array(z.string()),
});

const ERASE = "personal-data.erase";

export async function eraseItems(tx: Tx, ctx: TaskContext): Promise<TaskResult> {
  const details = ZDetails.parse(ctx.request.details);
  if (details.action !== "ERASE")
    throw new Error("erasure task for a request that asks no erasure");
  const locale = await requestLocale(tx, ctx);
  const now = new Date();
  const items = await tx.personalDataItem.findMany({
    where: {
      AND: [
        erasureScopeWhere({ subjectId: ctx.request.subjectId, ...details }),
        { systemId: ctx.system.id },
      ],
    },
    orderBy: { id: "asc" },
    select: {
      id: true,
      field: true,
      categoryId: true,
      legalHold: true,
      legalHoldReason: true,
      retainUntil: true,
      category: { select: { key: true } },
    },
  });
  const kept: KeptItem[] = [];
  for (const item of items) {
    const law = keptBy(item, now);
    if (law) {
      kept.push({
        ref: item.id,
        field: item.field,
        categoryKey: item.category.key,
        reason: keptReason(law, locale),
        reasonCode: law.code,
        ...(law.code === "RETENTION" ? { retainUntil: law.until.toISOString() } : {}),
      });
      continue;
    }
    const erased = await tx.personalDataItem.updateMany({
      where: { id: item.id, erasedAt: null },
      data: { value: "", erasedAt: now },
    });
    if (erased.count !== 1) throw new Error(`personal data item ${item.id} changed meanwhile`);
    await auditChange(tx, ctx, {
      action: ERASE,
      entityType: "PersonalDataItem",
      entityId: item.id,
      data: { categoryId: item.categoryId },
    });
  }
  await ensureRestriction(tx, ctx, { kind: "ERASURE" });

  // What this request has erased here, this run and any earlier one: a retry reports the same.
  const erasedIds = [...new Set((await priorChanges(tx, ctx, [ERASE])).map((c) => c.entityId))];
  const categories = await tx.dataCategory.findMany({
    where: { items: { some: { id: { in: erasedIds } } } },
    select: { key: true },
  });
  const noticesSent = await sendOnwardNotices(tx, ctx, {
    kind: "ERASURE",
    categoryKeys: categories.map((c) => c.key),
  });
  return { erased: erasedIds.length, kept, restrictions: 1, noticesSent };
}
