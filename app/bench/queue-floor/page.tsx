import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import pg from "pg";

import { I18nProvider } from "@/components/i18n/i18n-provider";
import { QueueTable } from "@/components/staff/queue/queue-table";
import { STAFF_ROLES } from "@/lib/auth/permissions";
import { queueCountQuery, queuePageQuery, type QueueRow } from "@/lib/data/requests/queue-query";
import { BASE_CLIENT_SECTIONS, getClientMessages } from "@/lib/i18n/client-messages";
import { getTranslator } from "@/lib/i18n/translate";
import { parseQueueFilter, QUEUE_PAGE_SIZE } from "@/lib/validation/queue";

export const dynamic = "force-dynamic";

// The benchmark floor (scripts/bench/queue.ts): the least a page can do to show the same queue
// rows — session cookie to a staff user in one query, then the same SQL as the data layer over
// plain pg, rendered with the same table (and its claim buttons, hence the client catalogue).
// Never part of the product: without BENCH_FLOOR=1 it is not found.

const globalForFloor = globalThis as unknown as { __queueFloorPool?: pg.Pool };

function pool(url: string): pg.Pool {
  // Timestamps are stored in UTC without a zone; read them as UTC like Prisma does.
  const types = new pg.TypeOverrides();
  types.setTypeParser(1114, (v: string) => new Date(`${v.replace(" ", "T")}Z`));
  return (globalForFloor.__queueFloorPool ??= new pg.Pool({
    connectionString: url,
    max: 10,
    types,
  }));
}

export default async function QueueFloorPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // eslint-disable-next-line no-restricted-properties -- a benchmark-only switch that must not exist in lib/env.ts (the product never reads it); the floor needs no other configuration
  const { BENCH_FLOOR, DATABASE_URL } = process.env;
  if (BENCH_FLOOR !== "1" || !DATABASE_URL) notFound();
  const token = (await cookies()).get("authjs.session-token")?.value;
  if (!token) notFound();
  const db = pool(DATABASE_URL);
  const session = await db.query<{ userId: string; role: string }>(
    `SELECT s."userId", u.role::text AS role FROM "Session" s JOIN "User" u ON u.id = s."userId"
     WHERE s."sessionToken" = $1 AND s.expires > now()`,
    [token],
  );
  const user = session.rows[0];
  if (!user || !(STAFF_ROLES as readonly string[]).includes(user.role)) notFound();
  const { filter } = parseQueueFilter(await props.searchParams);
  const input = { actorId: user.userId, filter };
  const page = queuePageQuery({ ...input, limit: QUEUE_PAGE_SIZE + 1 });
  const count = queueCountQuery(input);
  const [rows, total] = await Promise.all([
    db.query<QueueRow>(page.text, page.values),
    db.query<{ total: number }>(count.text, count.values),
  ]);
  const shown = rows.rows.slice(0, QUEUE_PAGE_SIZE);
  if (page.backwards) shown.reverse();
  const t = getTranslator("ja");
  return (
    <I18nProvider
      locale="ja"
      messages={getClientMessages("ja", [...BASE_CLIENT_SECTIONS, "queue"])}
    >
      <h2 id="queue-results-title">{total.rows[0]?.total ?? 0}</h2>
      <QueueTable
        rows={shown}
        actorId={user.userId}
        locale="ja"
        t={t}
        now={new Date()}
        labelledBy="queue-results-title"
      />
    </I18nProvider>
  );
}
