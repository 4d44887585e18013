import type {
  Channel,
  FilerRole,
  Jurisdiction,
  RequestStatus,
  RequestType,
} from "@/lib/generated/prisma/enums";
import { OPEN_STATUSES } from "@/lib/requests/lifecycle";
import {
  decodeQueueCursor,
  type QueueSearch,
  type TQueueFilter,
  type TQueueSort,
} from "@/lib/validation/queue";

// The staff queue as parameterised SQL, run by the data layer (Prisma's raw query) and by the
// benchmark floor (plain pg) alike. The open statuses are written into the text as literals, not
// parameters: the planner can then prove the query's WHERE implies the partial index's
// (Request_open_due_idx, "open, ordered by due date"), whatever plan it caches. The default page is
// exactly `WHERE status IN (<open>) ORDER BY "dueAt", id LIMIT n`, an index range scan.

export interface QueueRow {
  id: string;
  reference: string;
  type: RequestType;
  status: RequestStatus;
  jurisdictions: Jurisdiction[];
  filerRole: FilerRole;
  channel: Channel;
  receivedAt: Date;
  dueAt: Date;
  extendedDueAt: Date | null;
  assigneeId: string | null;
  assigneeName: string | null;
}

export interface SqlQuery {
  text: string;
  values: unknown[];
}

export const OPEN_STATUS_SQL = `r.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(", ")})`;

const COLUMNS = `r.id, r.reference, r.type::text AS type, r.status::text AS status,
  r.jurisdictions::text[] AS jurisdictions, r."filerRole"::text AS "filerRole",
  r.channel::text AS channel, r."receivedAt", r."dueAt", r."extendedDueAt", r."assigneeId",
  u.name AS "assigneeName"`;

const SORT_COLUMN: Record<TQueueSort, { column: string; dir: "ASC" | "DESC" }> = {
  "due-asc": { column: `r."dueAt"`, dir: "ASC" },
  "due-desc": { column: `r."dueAt"`, dir: "DESC" },
  "received-desc": { column: `r."receivedAt"`, dir: "DESC" },
  "received-asc": { column: `r."receivedAt"`, dir: "ASC" },
};

/** The value of the sort column a cursor carries, for a row. */
export function sortValue(row: Pick<QueueRow, "dueAt" | "receivedAt">, sort: TQueueSort): Date {
  return sort.startsWith("due") ? row.dueAt : row.receivedAt;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface QueueQueryInput {
  /** The signed-in staff member (for assignee=me). */
  actorId: string;
  filter: TQueueFilter;
  search?: QueueSearch;
}

function whereClause(input: QueueQueryInput, values: unknown[], withCursor: boolean) {
  const { filter, search } = input;
  const add = (v: unknown) => `$${values.push(v)}`;
  // Timestamps travel as UTC ISO text: the columns are timestamp without time zone, in UTC.
  const at = (d: Date) => `${add(d.toISOString())}::timestamp(3)`;
  const parts = [OPEN_STATUS_SQL];
  if (filter.type) parts.push(`r.type::text = ${add(filter.type)}`);
  if (filter.status) parts.push(`r.status::text = ${add(filter.status)}`);
  if (filter.jurisdiction)
    parts.push(`${add(filter.jurisdiction)}::text = ANY (r.jurisdictions::text[])`);
  if (filter.channel) parts.push(`r.channel::text = ${add(filter.channel)}`);
  if (filter.ack === "overdue")
    parts.push(`r."acknowledgedAt" IS NULL AND r."ackDueAt" < (now() AT TIME ZONE 'UTC')`);
  if (filter.filer === "self") parts.push(`r."filerRole" = 'SELF'`);
  if (filter.filer === "agent") parts.push(`r."filerRole" <> 'SELF'`);
  if (filter.assignee === "unassigned") parts.push(`r."assigneeId" IS NULL`);
  else if (filter.assignee === "me") parts.push(`r."assigneeId" = ${add(input.actorId)}`);
  else if (filter.assignee) parts.push(`r."assigneeId" = ${add(filter.assignee)}`);
  // "Due on or before" the date: before the next day's 00:00 in Japan time.
  if (filter.dueBefore) {
    const end = new Date(new Date(`${filter.dueBefore}T00:00:00+09:00`).getTime() + 86_400_000);
    parts.push(`r."dueAt" < ${at(end)}`);
  }
  if (search && "reference" in search) parts.push(`r.reference = ${add(search.reference)}`);
  if (search && "subject" in search) {
    const like = add(`%${escapeLike(search.subject)}%`);
    const name = (a: string, b: string) =>
      `replace(coalesce(s."${a}", '') || coalesce(s."${b}", ''), ' ', '') ILIKE ${like}`;
    parts.push(`EXISTS (SELECT 1 FROM "Subject" s WHERE s.id = r."subjectId" AND (
      ${name("familyName", "givenName")} OR ${name("givenName", "familyName")}
      OR ${name("familyNameKana", "givenNameKana")} OR ${name("givenNameKana", "familyNameKana")}
      OR s.email ILIKE ${like}))`);
  }
  const sort = filter.sort ?? "due-asc";
  const after = withCursor ? decodeQueueCursor(filter.after) : undefined;
  const before = withCursor && !after ? decodeQueueCursor(filter.before) : undefined;
  const cursor = after ?? before;
  if (cursor) {
    const { column, dir } = SORT_COLUMN[sort];
    // Forward in ascending order, or back in descending order, means "greater than".
    const op = (dir === "ASC") === Boolean(after) ? ">" : "<";
    // A row comparison walks the (dueAt, id) index as one range.
    parts.push(`(${column}, r.id) ${op} (${at(cursor.at)}, ${add(cursor.id)})`);
  }
  return { sql: parts.join("\n    AND "), backwards: Boolean(before) };
}

/** One page in the chosen order; `limit` is page size + 1 so the caller knows if more follow. */
export function queuePageQuery(
  input: QueueQueryInput & { limit: number },
): SqlQuery & { backwards: boolean } {
  const values: unknown[] = [];
  const where = whereClause(input, values, true);
  const { column, dir } = SORT_COLUMN[input.filter.sort ?? "due-asc"];
  const flip = (d: "ASC" | "DESC") => (d === "ASC" ? "DESC" : "ASC");
  const order = where.backwards ? flip(dir) : dir;
  const text = `SELECT ${COLUMNS}
  FROM "Request" r
  LEFT JOIN "User" u ON u.id = r."assigneeId"
  WHERE ${where.sql}
  ORDER BY ${column} ${order}, r.id ${order}
  LIMIT $${values.push(input.limit)}`;
  return { text, values, backwards: where.backwards };
}

/** How many open requests match the filters and search (cursor ignored). */
/**
 * The queue counts its matches up to this many and says "more than" beyond: the count's cost then
 * stays bounded however many requests are open (issue 17; the workspace's exact open count comes
 * from the tallies, lib/data/workspace/workspace-counts.ts).
 */
export const QUEUE_COUNT_CAP = 1_000;

export function queueCountQuery(input: QueueQueryInput): SqlQuery {
  const values: unknown[] = [];
  const where = whereClause(input, values, false);
  return {
    text: `SELECT count(*)::int AS total FROM (
      SELECT 1 FROM "Request" r WHERE ${where.sql} LIMIT ${QUEUE_COUNT_CAP + 1}) matches`,
    values,
  };
}
