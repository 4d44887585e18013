import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { sqlRows } from "@/lib/db";
import { encodeCursor, type TLedgerFilter } from "@/lib/ledger/filter";
import { ledgerPageQuery, type LedgerRow } from "@/lib/ledger/query";

import { ownSubjectId } from "./own-subject";

/**
 * Every entry of the signed-in person's ledger matching the filters, newest first, one page at a
 * time (keyset), so an export of 10,000 entries never holds them all in memory. Scoped like
 * listMyProvisions: the subject is the one whose userId is the actor's.
 */
export async function* streamMyProvisions(options: {
  actor: Actor;
  filter: TLedgerFilter;
  pageSize?: number;
}): AsyncGenerator<LedgerRow[]> {
  const { actor } = options;
  if (!can(actor.role, "personal-data:read-own")) return;
  const size = options.pageSize ?? 500;
  const subjectId = await ownSubjectId(actor);
  if (!subjectId) return;
  // Exports always start from the newest entry; page cursors from the screen do not apply.
  let filter: TLedgerFilter = { ...options.filter, after: undefined, before: undefined };
  for (;;) {
    const query = ledgerPageQuery({ subjectId, filter, limit: size });
    const rows = await sqlRows<LedgerRow>(query);
    if (rows.length > 0) yield rows;
    const last = rows[rows.length - 1];
    if (rows.length < size || !last) return;
    filter = { ...filter, after: encodeCursor(last) };
  }
}
