import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, sqlRows } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import {
  encodeQueueCursor,
  QUEUE_PAGE_SIZE,
  type QueueSearch,
  type TQueueFilter,
} from "@/lib/validation/queue";

import {
  QUEUE_COUNT_CAP,
  queueCountQuery,
  queuePageQuery,
  sortValue,
  type QueueRow,
} from "./queue-query";

export interface QueuePage {
  rows: QueueRow[];
  /** Matches, counted up to QUEUE_COUNT_CAP; above it, `more` is true and total is the cap. */
  total: number;
  more: boolean;
  /** Cursors for the next and the previous page in the chosen order. */
  nextCursor: string | null;
  prevCursor: string | null;
  /** A reference search that matched a request no longer open (it is not in the queue). */
  closedMatch: { reference: string; status: RequestStatus } | null;
}

/**
 * The staff queue: open requests, filtered, searched and sorted, one keyset page at a time (50),
 * with the number of matches (up to QUEUE_COUNT_CAP). Staff see every open request; anyone else
 * is refused.
 */
export async function listQueue(options: {
  actor: Actor;
  filter: TQueueFilter;
  search?: QueueSearch;
  pageSize?: number;
}): Promise<QueuePage> {
  const { actor, filter, search } = options;
  if (!can(actor.role, "queue:read")) throw new AppError("FORBIDDEN");
  const size = Math.min(Math.max(options.pageSize ?? QUEUE_PAGE_SIZE, 1), 200);
  const input = { actorId: actor.userId, filter, search };
  const page = queuePageQuery({ ...input, limit: size + 1 });
  const count = queueCountQuery(input);
  const [fetched, counted] = await Promise.all([
    sqlRows<QueueRow>(page),
    sqlRows<{ total: number }>(count),
  ]);
  const more = fetched.length > size;
  const rows = fetched.slice(0, size);
  if (page.backwards) rows.reverse();
  const sort = filter.sort ?? "due-asc";
  const cursorOf = (row: QueueRow | undefined) =>
    row ? encodeQueueCursor({ at: sortValue(row, sort), id: row.id }) : null;
  // Going back (before=…), "more" means earlier rows exist; later ones always do.
  const hasNext = page.backwards ? rows.length > 0 : more;
  const hasPrev = page.backwards ? more : Boolean(filter.after) && rows.length > 0;
  let closedMatch: QueuePage["closedMatch"] = null;
  if (rows.length === 0 && search && "reference" in search) {
    const found = await getDb().request.findUnique({
      where: { reference: search.reference },
      select: { reference: true, status: true },
    });
    if (found) closedMatch = found;
  }
  return {
    rows,
    total: Math.min(counted[0]?.total ?? 0, QUEUE_COUNT_CAP),
    more: (counted[0]?.total ?? 0) > QUEUE_COUNT_CAP,
    nextCursor: hasNext ? cursorOf(rows[rows.length - 1]) : null,
    prevCursor: hasPrev ? cursorOf(rows[0]) : null,
    closedMatch,
  };
}
