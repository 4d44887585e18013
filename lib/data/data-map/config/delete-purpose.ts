import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { getDb } from "@/lib/db";

import { assertCanConfigure, auditConfig, inUseError, notFoundError, recordNotice } from "./shared";

/**
 * Deletes a purpose nothing refers to: no system's use, provision record, consent or use
 * restriction (those are the record of what was done and must keep their purpose).
 */
export async function deletePurpose(options: { actor: Actor; id: string }) {
  const { actor, id } = options;
  assertCanConfigure(actor);
  assertRecentPasskey(actor);
  return getDb().$transaction(async (tx) => {
    const row = await tx.purpose.findUnique({
      where: { id },
      select: {
        id: true,
        key: true,
        _count: { select: { uses: true, provisions: true, consents: true, restrictions: true } },
      },
    });
    if (!row) throw notFoundError();
    const c = row._count;
    if (c.uses + c.provisions + c.consents + c.restrictions > 0) throw inUseError();
    await tx.purpose.delete({ where: { id } });
    await auditConfig(tx, actor, {
      action: "config.purpose.delete",
      entityType: "Purpose",
      entityId: id,
      data: { key: row.key },
    });
    await recordNotice(tx, actor);
    return { id };
  });
}
