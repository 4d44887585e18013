import { z } from "@/lib/validation/zod";

import type { Tx } from "@/lib/db";

import type { TaskContext, TaskResult } from "../types";

// Disclosure (APPI Art.33): the package builder reads the portal's own items live, so this task
// only counts what it will find here, within the scope the person chose. No values are copied.

const ZScope = z.object({
  scope: z.enum(["ALL", "SELECTED"]),
  categoryKeys: z.array(z.string()),
});

export async function exportItems(tx: Tx, ctx: TaskContext): Promise<TaskResult> {
  const scope =
    ctx.request.type === "DISCLOSURE" ? ZScope.safeParse(ctx.request.details).data : undefined;
  const itemCount = await tx.personalDataItem.count({
    where: {
      subjectId: ctx.request.subjectId,
      systemId: ctx.system.id,
      erasedAt: null,
      ...(scope?.scope === "SELECTED" ? { category: { key: { in: scope.categoryKeys } } } : {}),
    },
  });
  return { itemCount };
}
