import type { Db } from "@/lib/db";

import { GENESIS_HASH, hashAuditRow } from "./record";

export type AuditBreak =
  // A row's content no longer matches its hash.
  | "edited"
  // A row does not follow the one before it: a row was deleted, inserted or moved.
  | "unlinked"
  // The chain ends before (or after) the head recorded with the last write: rows were removed
  // from the end, or the head was tampered with.
  | "head-mismatch";

export interface AuditVerification {
  ok: boolean;
  /** The first row that does not fit (null when the chain is intact or only the head disagrees). */
  brokenAt: bigint | null;
  reason: AuditBreak | null;
  count: number;
}

/** Walks the chain in order and checks its end against the head. */
export async function verifyAuditChain(db: Db): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let cursor: bigint | undefined;
  let count = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: cursor === undefined ? {} : { id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: 1000,
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      const { id, hash, ...content } = row;
      if (content.prevHash !== prevHash)
        return { ok: false, brokenAt: id, reason: "unlinked", count };
      if (hash !== hashAuditRow(content))
        return { ok: false, brokenAt: id, reason: "edited", count };
      prevHash = hash;
      cursor = id;
      count += 1;
    }
  }
  const head = await db.auditHead.findUnique({ where: { id: 1 } });
  const headFits = head
    ? head.hash === prevHash && head.lastId === cursor && head.count === BigInt(count)
    : count === 0;
  if (!headFits) return { ok: false, brokenAt: null, reason: "head-mismatch", count };
  return { ok: true, brokenAt: null, reason: null, count };
}
