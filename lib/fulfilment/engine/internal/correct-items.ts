import { z } from "@/lib/validation/zod";

import type { Tx } from "@/lib/db";
import { getTranslator } from "@/lib/i18n/translate";
import { ZCorrectionItem } from "@/lib/validation/requests";

import type { AppliedChange, KeptItem, TaskContext, TaskResult } from "../types";

import { keptBy, keptReason } from "./erasure-rule";
import { sendOnwardNotices } from "./onward-notices";
import { auditChange, priorChanges, requestLocale } from "./run-context";

// Correction (APPI Art.34, GDPR Art.16): each asked change that concerns this system is applied
// with its before and after. The values go into the task's result (staff read it as a diff, the
// requester as what changed) but never into the audit log. A deletion keeps no copy of what it
// deleted, and an item the law keeps is not deleted (the erasure rule).

const ZDetails = z.object({ items: z.array(ZCorrectionItem) });
type Wanted = z.infer<typeof ZCorrectionItem>;

const ACTIONS = {
  CORRECT: "personal-data.correct",
  ADD: "personal-data.add",
  DELETE: "personal-data.delete",
} as const;

const itemSelect = {
  id: true,
  field: true,
  value: true,
  categoryId: true,
  legalHold: true,
  legalHoldReason: true,
  retainUntil: true,
  category: { select: { key: true } },
} as const;

export async function correctItems(tx: Tx, ctx: TaskContext): Promise<TaskResult> {
  const details = ZDetails.parse(ctx.request.details);
  const locale = await requestLocale(tx, ctx);
  const now = new Date();
  const { subjectId } = ctx.request;
  const systemId = ctx.system.id;
  const done = await priorChanges(tx, ctx, Object.values(ACTIONS));
  const earlier = await tx.fulfilmentTask.findUnique({
    where: { id: ctx.task.id },
    select: { result: true },
  });
  const earlierChanges = ((earlier?.result ?? {}) as TaskResult).changes ?? [];
  const changes: AppliedChange[] = [];
  const kept: KeptItem[] = [];
  let elsewhere = 0;

  const targets = async (wanted: Wanted) => {
    const where = wanted.itemId
      ? { id: wanted.itemId }
      : { category: { key: wanted.categoryKey }, field: wanted.field };
    return tx.personalDataItem.findMany({
      where: { ...where, subjectId, systemId, erasedAt: null },
      orderBy: { id: "asc" },
      select: itemSelect,
    });
  };

  const reportAgain = async (wanted: Wanted, itemId: string) => {
    const before = earlierChanges.find((c) => c.ref === itemId && c.action === wanted.action);
    if (before) return changes.push({ ...before, alreadyApplied: true });
    const item = await tx.personalDataItem.findUnique({
      where: { id: itemId },
      select: itemSelect,
    });
    changes.push({
      ref: itemId,
      field: item?.field ?? wanted.field,
      action: wanted.action,
      before: null,
      after: wanted.action === "DELETE" ? null : (item?.value ?? null),
      categoryKey: item?.category.key ?? wanted.categoryKey,
      alreadyApplied: true,
    });
  };

  for (const [index, wanted] of details.items.entries()) {
    const marked = done.filter((d) => d.data.correctionIndex === index);
    if (marked.length > 0) {
      for (const m of marked) await reportAgain(wanted, m.entityId);
      continue;
    }
    const audit = (action: string, itemId: string, categoryId: string) =>
      auditChange(tx, ctx, {
        action,
        entityType: "PersonalDataItem",
        entityId: itemId,
        data: { correctionIndex: index, categoryId, correction: wanted.action },
      });

    if (wanted.action === "ADD") {
      const added = await addItem(tx, ctx, wanted, locale);
      if (!added) {
        elsewhere += 1;
        continue;
      }
      await audit(ACTIONS.ADD, added.id, added.categoryId);
      changes.push({
        ref: added.id,
        field: added.field,
        action: "ADD",
        before: null,
        after: added.value,
        categoryKey: added.category.key,
      });
      continue;
    }

    const items = await targets(wanted);
    if (items.length === 0) elsewhere += 1;
    for (const item of items) {
      const base = { ref: item.id, field: item.field, categoryKey: item.category.key };
      if (wanted.action === "CORRECT") {
        if (item.value === wanted.correctedValue) {
          changes.push({
            ...base,
            action: "CORRECT",
            before: item.value,
            after: item.value,
            alreadyApplied: true,
          });
          continue;
        }
        await update(tx, item, { value: wanted.correctedValue });
        await audit(ACTIONS.CORRECT, item.id, item.categoryId);
        changes.push({
          ...base,
          action: "CORRECT",
          before: item.value,
          after: wanted.correctedValue,
        });
        continue;
      }
      const law = keptBy(item, now);
      if (law) {
        kept.push({
          ...base,
          reason: keptReason(law, locale),
          reasonCode: law.code,
          ...(law.code === "RETENTION" ? { retainUntil: law.until.toISOString() } : {}),
        });
        continue;
      }
      await update(tx, item, { value: "", erasedAt: now });
      await audit(ACTIONS.DELETE, item.id, item.categoryId);
      changes.push({ ...base, action: "DELETE", before: null, after: null });
    }
  }

  const noticesSent = await sendOnwardNotices(tx, ctx, {
    kind: "CORRECTION",
    categoryKeys: [...new Set(changes.map((c) => c.categoryKey).filter((k) => k !== undefined))],
  });
  const t = getTranslator(locale);
  return {
    changes,
    ...(kept.length > 0 ? { kept } : {}),
    noticesSent,
    note: t("fulfilment.actions.noteCorrect", {
      applied: changes.filter((c) => !c.alreadyApplied).length,
      already: changes.filter((c) => c.alreadyApplied).length,
      kept: kept.length,
      elsewhere,
    }),
  };
}

/** Writes a change only over the value it read, so two runs at once cannot both apply it. */
async function update(
  tx: Tx,
  item: { id: string; value: string },
  data: { value: string; erasedAt?: Date },
) {
  const updated = await tx.personalDataItem.updateMany({
    where: { id: item.id, value: item.value, erasedAt: null },
    data,
  });
  if (updated.count !== 1) throw new Error(`personal data item ${item.id} changed meanwhile`);
}

/**
 * An added item belongs where its category is kept: beside the picked item, or in this system
 * when the data map has it keep that category (or the person already has such items here).
 */
async function addItem(tx: Tx, ctx: TaskContext, wanted: Wanted, locale: "ja" | "en") {
  const { subjectId } = ctx.request;
  const systemId = ctx.system.id;
  let categoryId: string | undefined;
  let field = wanted.field;
  if (wanted.itemId) {
    const beside = await tx.personalDataItem.findFirst({
      where: { id: wanted.itemId, subjectId, systemId },
      select: { categoryId: true, field: true },
    });
    if (!beside) return null;
    categoryId = beside.categoryId;
    field = field || beside.field;
  } else {
    const category = await tx.dataCategory.findUnique({
      where: { key: wanted.categoryKey },
      select: { id: true },
    });
    if (!category) return null;
    const keptHere =
      (await tx.systemCategoryPurpose.count({ where: { systemId, categoryId: category.id } })) >
        0 ||
      (await tx.personalDataItem.count({
        where: { subjectId, systemId, categoryId: category.id },
      })) > 0;
    if (!keptHere) return null;
    categoryId = category.id;
  }
  const t = getTranslator(locale);
  return tx.personalDataItem.create({
    data: {
      subjectId,
      systemId,
      categoryId,
      field,
      value: wanted.correctedValue,
      source: "DIRECT",
      sourceNote: t("fulfilment.actions.addedSourceNote", { reference: ctx.request.reference }),
      collectedAt: new Date(),
    },
    select: {
      id: true,
      field: true,
      value: true,
      categoryId: true,
      category: { select: { key: true } },
    },
  });
}
