import { z } from "@/lib/validation/zod";

import type { Tx } from "@/lib/db";
import type { RecipientClass } from "@/lib/generated/prisma/enums";

import { sendOnwardNotices } from "./internal/onward-notices";
import type { TaskContext } from "./types";

// Onward notices (GDPR Art.19) for a change a system outside the portal made: an HTTP system
// answered, or staff completed a manual task. The portal's own records send theirs from the
// internal actions; here the affected categories come from what the request asked.

const ZCorrect = z.object({ items: z.array(z.object({ categoryKey: z.string() })) });
const ZErase = z.object({
  action: z.string(),
  erasureScope: z.enum(["ALL", "SELECTED"]),
  categoryKeys: z.array(z.string()),
});
const ZStop = z.object({
  recipientKeys: z.array(z.string()),
  recipientClasses: z.array(z.string()),
});

/** Sends the notices a succeeded non-INTERNAL task calls for; returns how many were created. */
export async function sendNoticesForExternalTask(tx: Tx, taskId: string): Promise<number> {
  const task = await tx.fulfilmentTask.findUnique({
    where: { id: taskId },
    select: {
      id: true,
      action: true,
      attempts: true,
      system: { select: { id: true, key: true, connector: true, config: true } },
      request: {
        select: { id: true, reference: true, type: true, subjectId: true, details: true },
      },
    },
  });
  if (!task || task.system.connector === "INTERNAL") return 0;
  const ctx: TaskContext = {
    task: { id: task.id, action: task.action, attempts: task.attempts },
    request: task.request,
    system: task.system,
  };
  const details = task.request.details;
  if (task.action === "CORRECT") {
    const parsed = ZCorrect.safeParse(details);
    if (!parsed.success) return 0;
    const categoryKeys = [...new Set(parsed.data.items.map((i) => i.categoryKey))];
    return sendOnwardNotices(tx, ctx, { kind: "CORRECTION", categoryKeys });
  }
  if (task.action === "ERASE") {
    const parsed = ZErase.safeParse(details);
    if (!parsed.success) return 0;
    const categoryKeys =
      parsed.data.erasureScope === "SELECTED"
        ? parsed.data.categoryKeys
        : (
            await tx.dataCategory.findMany({
              where: {
                items: { some: { subjectId: task.request.subjectId, systemId: task.system.id } },
              },
              select: { key: true },
            })
          ).map((c) => c.key);
    return sendOnwardNotices(tx, ctx, { kind: "ERASURE", categoryKeys });
  }
  if (task.action === "STOP_PROVISION") {
    const parsed = ZStop.safeParse(details);
    if (!parsed.success) return 0;
    const recipients = await tx.recipient.findMany({
      where: { key: { in: parsed.data.recipientKeys } },
      select: { id: true },
    });
    return sendOnwardNotices(tx, ctx, {
      kind: "STOP_PROVISION",
      stopped: {
        recipientIds: recipients.map((r) => r.id),
        classes: parsed.data.recipientClasses as RecipientClass[],
      },
    });
  }
  return 0;
}
