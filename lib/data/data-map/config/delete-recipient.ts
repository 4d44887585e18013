import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { getDb } from "@/lib/db";

import { assertCanConfigure, auditConfig, inUseError, notFoundError, recordNotice } from "./shared";

/**
 * Deletes a recipient nothing refers to: no provision record, consent, use restriction or onward
 * notice (the ledger people read must keep naming whom their data went to).
 */
export async function deleteRecipient(options: { actor: Actor; id: string }) {
  const { actor, id } = options;
  assertCanConfigure(actor);
  assertRecentPasskey(actor);
  return getDb().$transaction(async (tx) => {
    const row = await tx.recipient.findUnique({
      where: { id },
      select: {
        id: true,
        key: true,
        _count: {
          select: { provisions: true, consents: true, restrictions: true, notices: true },
        },
      },
    });
    if (!row) throw notFoundError();
    const c = row._count;
    if (c.provisions + c.consents + c.restrictions + c.notices > 0) throw inUseError();
    await tx.recipient.delete({ where: { id } });
    await auditConfig(tx, actor, {
      action: "config.recipient.delete",
      entityType: "Recipient",
      entityId: id,
      data: { key: row.key },
    });
    await recordNotice(tx, actor);
    return { id };
  });
}
