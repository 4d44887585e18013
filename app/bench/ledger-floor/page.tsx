import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import pg from "pg";

import { ForeignNotes } from "@/components/ledger/foreign-notes";
import { LedgerEntries } from "@/components/ledger/ledger-entries";
import { getTranslator } from "@/lib/i18n/translate";
import { LEDGER_PAGE_SIZE, parseLedgerFilter } from "@/lib/ledger/filter";
import { presentLedgerRow } from "@/lib/ledger/present";
import {
  ledgerCountQuery,
  ledgerPageQuery,
  subjectOfUserQuery,
  type LedgerRow,
} from "@/lib/ledger/query";

export const dynamic = "force-dynamic";

// The benchmark floor (scripts/bench/ledger.ts): the least a page can do to show the same ledger
// rows — session cookie to user in one query, then the same SQL as the data layer over plain pg
// (the subject lookup, then the page and the count),
// rendered with the same table. Never part of the product: without BENCH_FLOOR=1 it is not found.

const globalForFloor = globalThis as unknown as { __floorPool?: pg.Pool };

function pool(url: string): pg.Pool {
  // Timestamps are stored in UTC without a zone; read them as UTC like Prisma does.
  const types = new pg.TypeOverrides();
  types.setTypeParser(1114, (v: string) => new Date(`${v.replace(" ", "T")}Z`));
  return (globalForFloor.__floorPool ??= new pg.Pool({ connectionString: url, max: 10, types }));
}

export default async function LedgerFloorPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // eslint-disable-next-line no-restricted-properties -- a benchmark-only switch that must not exist in lib/env.ts (the product never reads it); the floor needs no other configuration
  const { BENCH_FLOOR, DATABASE_URL } = process.env;
  if (BENCH_FLOOR !== "1" || !DATABASE_URL) notFound();
  const token = (await cookies()).get("authjs.session-token")?.value;
  if (!token) notFound();
  const db = pool(DATABASE_URL);
  const session = await db.query<{ userId: string }>(
    `SELECT "userId" FROM "Session" WHERE "sessionToken" = $1 AND expires > now()`,
    [token],
  );
  const userId = session.rows[0]?.userId;
  if (!userId) notFound();
  const own = subjectOfUserQuery(userId);
  const subjectId = (await db.query<{ id: string }>(own.text, own.values)).rows[0]?.id;
  if (!subjectId) notFound();
  const { filter } = parseLedgerFilter(await props.searchParams);
  const page = ledgerPageQuery({ subjectId, filter, limit: LEDGER_PAGE_SIZE + 1 });
  const count = ledgerCountQuery({ subjectId, filter });
  const [rows, total] = await Promise.all([
    db.query<LedgerRow>(page.text, page.values),
    db.query<{ total: number }>(count.text, count.values),
  ]);
  const shown = rows.rows.slice(0, LEDGER_PAGE_SIZE);
  if (page.backwards) shown.reverse();
  const entries = shown.map((r) => presentLedgerRow(r, "ja"));
  const t = getTranslator("ja");
  return (
    <>
      <h2 id="ledger-results-title">{total.rows[0]?.total ?? 0}</h2>
      <LedgerEntries entries={entries} locale="ja" t={t} />
      <ForeignNotes entries={entries} t={t} />
    </>
  );
}
