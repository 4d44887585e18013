import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { getDb } from "@/lib/db";

import { assertCanConfigure, auditConfig, inUseError, notFoundError, recordNotice } from "./shared";

/**
 * Deletes a data category nothing refers to: no system uses it and no person's item is filed
 * under it (the uses would otherwise vanish by cascade, and items cannot lose their category).
 */
export async function deleteCategory(options: { actor: Actor; id: string }) {
  const { actor, id } = options;
  assertCanConfigure(actor);
  assertRecentPasskey(actor);
  return getDb().$transaction(async (tx) => {
    const row = await tx.dataCategory.findUnique({
      where: { id },
      select: { id: true, key: true, _count: { select: { uses: true, items: true } } },
    });
    if (!row) throw notFoundError();
    if (row._count.uses + row._count.items > 0) throw inUseError();
    await tx.dataCategory.delete({ where: { id } });
    await auditConfig(tx, actor, {
      action: "config.category.delete",
      entityType: "DataCategory",
      entityId: id,
      data: { key: row.key },
    });
    await recordNotice(tx, actor);
    return { id };
  });
}
