import { z } from "@/lib/validation/zod";

import { STOPPABLE_RECIPIENT_CLASSES } from "@/lib/requests/vocabulary";
import type { Tx } from "@/lib/db";
import { getTranslator } from "@/lib/i18n/translate";

import type { KeptItem, TaskContext, TaskResult } from "../types";

import { sendOnwardNotices } from "./onward-notices";
import { ensureRestriction, requestLocale } from "./run-context";

// Suspension of use (APPI Art.35(1), GDPR Art.18/21) and stop of third-party provision
// (Art.35(3), GDPR Art.21, CCPA opt-out) are use restrictions the organisation's systems read.
// Restrictions belong to the person, not to one system: every system's task ensures the same
// rows of this request, once.

const ZSuspend = z.object({ purposeKeys: z.array(z.string()) });
const ZStop = z.object({
  recipientKeys: z.array(z.string()),
  recipientClasses: z.array(z.enum(STOPPABLE_RECIPIENT_CLASSES)),
});

/** Suspends the named purposes; a purpose the law requires is kept in use and listed why. */
export async function restrictPurposes(tx: Tx, ctx: TaskContext): Promise<TaskResult> {
  const { purposeKeys } = ZSuspend.parse(ctx.request.details);
  const locale = await requestLocale(tx, ctx);
  const t = getTranslator(locale);
  const purposes = await tx.purpose.findMany({
    where: { key: { in: purposeKeys } },
    orderBy: { sortOrder: "asc" },
    select: { id: true, key: true, nameJa: true, nameEn: true, suspendable: true },
  });
  const kept: KeptItem[] = [];
  let restrictions = 0;
  for (const purpose of purposes) {
    if (!purpose.suspendable) {
      kept.push({
        ref: `purpose:${purpose.key}`,
        field: locale === "ja" ? purpose.nameJa : purpose.nameEn,
        reason: t("fulfilment.actions.notSuspendable"),
        reasonCode: "NOT_SUSPENDABLE",
      });
      continue;
    }
    await ensureRestriction(tx, ctx, { kind: "PURPOSE", purposeId: purpose.id });
    restrictions += 1;
  }
  const unknown = purposeKeys.length - purposes.length;
  return {
    restrictions,
    ...(kept.length > 0 ? { kept } : {}),
    ...(unknown > 0 ? { note: t("fulfilment.actions.noteUnknownKeys", { count: unknown }) } : {}),
  };
}

/** Stops provision to the named recipients and classes, and tells those that had the data. */
export async function stopProvision(tx: Tx, ctx: TaskContext): Promise<TaskResult> {
  const { recipientKeys, recipientClasses } = ZStop.parse(ctx.request.details);
  const recipients = await tx.recipient.findMany({
    where: { key: { in: recipientKeys }, recipientClass: { not: "LAW_ENFORCEMENT" } },
    orderBy: { key: "asc" },
    select: { id: true },
  });
  for (const r of recipients)
    await ensureRestriction(tx, ctx, { kind: "RECIPIENT", recipientId: r.id });
  const classes = [...new Set(recipientClasses)];
  for (const recipientClass of classes)
    await ensureRestriction(tx, ctx, { kind: "RECIPIENT_CLASS", recipientClass });
  const noticesSent = await sendOnwardNotices(tx, ctx, {
    kind: "STOP_PROVISION",
    stopped: { recipientIds: recipients.map((r) => r.id), classes },
  });
  const unknown = new Set(recipientKeys).size - recipients.length;
  const t = getTranslator(await requestLocale(tx, ctx));
  return {
    restrictions: recipients.length + classes.length,
    noticesSent,
    ...(unknown > 0 ? { note: t("fulfilment.actions.noteUnknownKeys", { count: unknown }) } : {}),
  };
}
