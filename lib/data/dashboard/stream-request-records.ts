import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

import { addDays, jstDayStart } from "./weeks";

// Request records for regulators (CSV export): the fields they ask for and nothing personal —
// no names, no emails, no free text. Received between `from` and `to` (inclusive, Japan time),
// read in keyset pages of 1,000 so a long period is never held in memory at once.

export interface RequestRecord {
  id: string;
  reference: string;
  receivedAt: Date;
  type: string;
  channel: string;
  jurisdictions: string[];
  status: string;
  dueAt: Date;
  closedAt: Date | null;
  outcome: string | null;
  refusalGrounds: string[];
}

type RawRecord = Omit<RequestRecord, "jurisdictions" | "refusalGrounds"> & {
  jurisdictions: string[] | null;
  refusalGrounds: string[] | null;
};

const PAGE = 1000;
const ts = (d: Date) => Prisma.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/** Checks the permission and writes the export's audit event; call before streaming. */
export async function auditRequestExport(options: { actor: Actor; from: string; to: string }) {
  const { actor } = options;
  if (!can(actor.role, "manager:dashboard")) throw new AppError("FORBIDDEN");
  await getDb().$transaction((tx) =>
    recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "requests.export",
      entityType: "Request",
      entityId: "*",
      ip: actor.ip,
      data: { from: options.from, to: options.to },
    }),
  );
}

export async function* streamRequestRecords(options: {
  actor: Actor;
  from: string;
  to: string;
}): AsyncGenerator<RequestRecord[]> {
  if (!can(options.actor.role, "manager:dashboard")) throw new AppError("FORBIDDEN");
  const db = getDb();
  const start = jstDayStart(options.from);
  const end = jstDayStart(addDays(options.to, 1));
  let after: { at: Date; id: string } | undefined;
  for (;;) {
    const keyset = after
      ? Prisma.sql`AND (r."receivedAt", r.id) > (${ts(after.at)}, ${after.id})`
      : Prisma.empty;
    // The list columns are nullable in PostgreSQL: Prisma writes NULL for a list it was given no
    // value for (most requests have no refusal grounds) and reads NULL back as []. Raw SQL must do
    // the same, here and again in the mapping, or one such row ends the export.
    const rows = await db.$queryRaw<RawRecord[]>`
      SELECT r.id, r.reference, r."receivedAt", r.type::text AS type, r.channel::text AS channel,
        COALESCE(r.jurisdictions::text[], '{}') AS jurisdictions, r.status::text AS status,
        COALESCE(r."extendedDueAt", r."dueAt") AS "dueAt", r."closedAt",
        r.outcome::text AS outcome,
        COALESCE(r."refusalGrounds"::text[], '{}') AS "refusalGrounds"
      FROM "Request" r
      WHERE r."receivedAt" >= ${ts(start)} AND r."receivedAt" < ${ts(end)} ${keyset}
      ORDER BY r."receivedAt", r.id
      LIMIT ${PAGE}`;
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      ...r,
      jurisdictions: r.jurisdictions ?? [],
      refusalGrounds: r.refusalGrounds ?? [],
    }));
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1]!;
    after = { at: last.receivedAt, id: last.id };
  }
}
