import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TSystemUses } from "@/lib/validation/data-map-config";

import { assertCanConfigure, auditConfig, notFoundError, recordNotice } from "./shared";

/**
 * Replaces which categories a system holds for which purpose (SystemCategoryPurpose): the data
 * map that fan-out, "my data" and the transparency page read. Every id is checked in the
 * transaction; an unknown one refuses the whole change.
 */
export async function setSystemUses(options: { actor: Actor; input: TSystemUses }) {
  const { actor, input } = options;
  assertCanConfigure(actor);
  assertRecentPasskey(actor);
  const pairs = [...new Set(input.pairs)].map((pair) => {
    const [categoryId = "", purposeId = ""] = pair.split(":");
    return { systemId: input.systemId, categoryId, purposeId };
  });
  const categoryIds = [...new Set(pairs.map((p) => p.categoryId))];
  const purposeIds = [...new Set(pairs.map((p) => p.purposeId))];
  return getDb().$transaction(async (tx) => {
    const system = await tx.dataSystem.findUnique({
      where: { id: input.systemId },
      select: { id: true, key: true },
    });
    if (!system) throw notFoundError();
    const categories = await tx.dataCategory.count({ where: { id: { in: categoryIds } } });
    const purposes = await tx.purpose.count({ where: { id: { in: purposeIds } } });
    if (categories !== categoryIds.length || purposes !== purposeIds.length)
      throw new AppError("INVALID_INPUT", "settingsDataMap.errors.unknownUse");
    await tx.systemCategoryPurpose.deleteMany({ where: { systemId: system.id } });
    await tx.systemCategoryPurpose.createMany({ data: pairs });
    await auditConfig(tx, actor, {
      action: "config.system.set-uses",
      entityType: "DataSystem",
      entityId: system.id,
      data: { key: system.key, uses: pairs.length },
    });
    // A purpose's categories are part of the notice: a new use of a category is a new version.
    await recordNotice(tx, actor);
    return { uses: pairs.length };
  });
}
