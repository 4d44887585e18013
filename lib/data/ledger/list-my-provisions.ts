import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { laggingRows } from "@/lib/db-replica";
import { encodeCursor, LEDGER_PAGE_SIZE, type TLedgerFilter } from "@/lib/ledger/filter";
import { ledgerCountQuery, ledgerPageQuery, type LedgerRow } from "@/lib/ledger/query";

import { ownSubjectId } from "./own-subject";

export interface ProvisionPage {
  rows: LedgerRow[];
  /** Entries matching the filters; null when not asked for (exports). */
  total: number | null;
  /** Cursor for the next (older) page, and for the previous (newer) page. */
  olderCursor: string | null;
  newerCursor: string | null;
}

/**
 * One page of the signed-in person's provision ledger, newest first, by keyset on
 * (providedAt desc, id desc). Scoped in SQL to the Subject whose userId is the actor's: another
 * person's entries can never match, and a person without a subject record gets an empty page.
 */
export async function listMyProvisions(options: {
  actor: Actor;
  filter: TLedgerFilter;
  pageSize?: number;
  withTotal?: boolean;
}): Promise<ProvisionPage> {
  const { actor, filter } = options;
  const empty: ProvisionPage = { rows: [], total: 0, olderCursor: null, newerCursor: null };
  if (!can(actor.role, "personal-data:read-own")) return empty;
  const size = Math.min(Math.max(options.pageSize ?? LEDGER_PAGE_SIZE, 1), 1000);
  const subjectId = await ownSubjectId(actor);
  if (!subjectId) return empty;
  const page = ledgerPageQuery({ subjectId, filter, limit: size + 1 });
  const count = ledgerCountQuery({ subjectId, filter });
  const [fetched, counted] = await Promise.all([
    // Reads that tolerate a second of lag: the replica when there is one (lib/db-replica.ts).
    laggingRows<LedgerRow>(page),
    options.withTotal === false ? Promise.resolve(null) : laggingRows<{ total: number }>(count),
  ]);
  const more = fetched.length > size;
  const rows = fetched.slice(0, size);
  if (page.backwards) rows.reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  // Going back (before=…), "more" means newer entries exist; older ones always do.
  const hasOlder = page.backwards ? rows.length > 0 : more;
  const hasNewer = page.backwards ? more : Boolean(filter.after) && rows.length > 0;
  return {
    rows,
    total: counted ? (counted[0]?.total ?? 0) : null,
    olderCursor: hasOlder && last ? encodeCursor(last) : null,
    newerCursor: hasNewer && first ? encodeCursor(first) : null,
  };
}
