import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import type { TCategoryConfig } from "@/lib/validation/data-map-config";

import {
  assertCanConfigure,
  auditConfig,
  keyTakenError,
  notFoundError,
  rethrowKeyConflict,
} from "./shared";

/** Creates a data category, or edits the one with `input.id` (its key stays), with its audit. */
export async function saveCategory(options: { actor: Actor; input: TCategoryConfig }) {
  const { actor, input } = options;
  assertCanConfigure(actor);
  const data = {
    nameJa: input.nameJa,
    nameEn: input.nameEn,
    descriptionJa: input.descriptionJa,
    descriptionEn: input.descriptionEn,
    dataClass: input.dataClass,
    sortOrder: Number(input.sortOrder),
  };
  const select = { id: true, key: true } as const;
  return getDb()
    .$transaction(async (tx) => {
      let row: { id: string; key: string };
      if (input.id) {
        if (!(await tx.dataCategory.findUnique({ where: { id: input.id }, select })))
          throw notFoundError();
        row = await tx.dataCategory.update({ where: { id: input.id }, data, select });
      } else {
        if (await tx.dataCategory.findUnique({ where: { key: input.key }, select }))
          throw keyTakenError();
        row = await tx.dataCategory.create({ data: { key: input.key, ...data }, select });
      }
      await auditConfig(tx, actor, {
        action: input.id ? "config.category.update" : "config.category.create",
        entityType: "DataCategory",
        entityId: row.id,
        data: { key: row.key, dataClass: input.dataClass },
      });
      return row;
    })
    .catch(rethrowKeyConflict);
}
