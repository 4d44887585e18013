import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import type { TPurposeConfig } from "@/lib/validation/data-map-config";

import {
  assertCanConfigure,
  auditConfig,
  keyTakenError,
  notFoundError,
  rethrowKeyConflict,
} from "./shared";

/** Creates a purpose of use, or edits the one with `input.id` (its key stays), with its audit. */
export async function savePurpose(options: { actor: Actor; input: TPurposeConfig }) {
  const { actor, input } = options;
  assertCanConfigure(actor);
  const data = {
    nameJa: input.nameJa,
    nameEn: input.nameEn,
    descriptionJa: input.descriptionJa,
    descriptionEn: input.descriptionEn,
    suspendable: input.suspendable,
    sortOrder: Number(input.sortOrder),
  };
  const select = { id: true, key: true } as const;
  return getDb()
    .$transaction(async (tx) => {
      let row: { id: string; key: string };
      if (input.id) {
        if (!(await tx.purpose.findUnique({ where: { id: input.id }, select })))
          throw notFoundError();
        row = await tx.purpose.update({ where: { id: input.id }, data, select });
      } else {
        if (await tx.purpose.findUnique({ where: { key: input.key }, select }))
          throw keyTakenError();
        row = await tx.purpose.create({ data: { key: input.key, ...data }, select });
      }
      await auditConfig(tx, actor, {
        action: input.id ? "config.purpose.update" : "config.purpose.create",
        entityType: "Purpose",
        entityId: row.id,
        data: { key: row.key, suspendable: input.suspendable },
      });
      return row;
    })
    .catch(rethrowKeyConflict);
}
