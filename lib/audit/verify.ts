import type { Db } from "@/lib/db";

import { GENESIS_HASH, hashAuditRow } from "./record";

/** Walks the chain in order; returns the id of the first row that does not fit, or null. */
export async function verifyAuditChain(
  db: Db,
): Promise<{ ok: boolean; brokenAt: bigint | null; count: number }> {
  let prevHash = GENESIS_HASH;
  let cursor: bigint | undefined;
  let count = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: cursor === undefined ? {} : { id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: 1000,
    });
    if (rows.length === 0) return { ok: true, brokenAt: null, count };
    for (const row of rows) {
      const { id, hash, ...content } = row;
      const expected = hashAuditRow({ ...content, prevHash });
      if (content.prevHash !== prevHash || hash !== expected)
        return { ok: false, brokenAt: id, count };
      prevHash = hash;
      cursor = id;
      count += 1;
    }
  }
}
