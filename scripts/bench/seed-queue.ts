import { randomBytes } from "node:crypto";

import pg from "pg";

import { OPEN_STATUSES } from "../../lib/requests/lifecycle";

import { freshBenchDatabase } from "./seed-ledger";

// A fresh benchmark database for the staff queue: migrations, the demo organisation, 20 staff
// members (one of them with a database session), 20,000 subjects and `total` requests in bulk:
// every fifth one open (spread over the six open statuses, received in the last 14 days, due 10
// days after arrival, so some are overdue; about half assigned), the rest closed over two years.
// The builders are exported for scripts/bench/seed-scale.ts (the queue beside the ledger).

export const BENCH_STAFF_ID = "bench-staff-1";
const SUBJECTS = 20_000;
const STAFF = 20;

const OPEN = `ARRAY[${OPEN_STATUSES.map((s) => `'${s}'`).join(",")}]::"RequestStatus"[]`;

const requestsSql = (total: number, subjects: number) => `
INSERT INTO "Request" (id, reference, type, status, "subjectId", "filerRole", channel,
  jurisdictions, locale, details, "receivedAt", "dueAt", "closedAt", outcome, "assigneeId",
  "createdAt", "updatedAt")
SELECT 'bq-' || g, 'R-' || (2025 - g / 1000000) || '-' || lpad((g % 1000000)::text, 6, '0'),
  (ARRAY['DISCLOSURE','PROVISION_RECORDS','PURPOSE_NOTIFICATION','CORRECTION','SUSPENSION_ERASURE','STOP_PROVISION'])[1 + g % 6]::"RequestType",
  CASE WHEN open THEN (${OPEN})[1 + (g / 5) % 6]
       WHEN g % 13 = 0 THEN 'WITHDRAWN'::"RequestStatus" ELSE 'COMPLETED'::"RequestStatus" END,
  'bq-s' || (1 + g % ${subjects}),
  (CASE WHEN g % 17 = 0 THEN 'APPOINTED_AGENT' WHEN g % 29 = 0 THEN 'LEGAL_REPRESENTATIVE' ELSE 'SELF' END)::"FilerRole",
  (CASE WHEN g % 10 < 7 THEN 'WEB' WHEN g % 10 = 7 THEN 'EMAIL' WHEN g % 10 = 8 THEN 'PHONE' ELSE 'POST' END)::"Channel",
  CASE WHEN g % 8 = 0 THEN ARRAY['JP','EU']::"Jurisdiction"[] ELSE ARRAY['JP']::"Jurisdiction"[] END,
  'ja', '{}', received, received + interval '10 days',
  CASE WHEN open THEN NULL ELSE received + interval '6 days' END,
  CASE WHEN open THEN NULL ELSE 'FULFILLED'::"Outcome" END,
  CASE WHEN open AND g % 2 = 0 THEN NULL ELSE 'bench-staff-' || (1 + g % ${STAFF}) END,
  received, received
FROM generate_series(1, ${total}) g
CROSS JOIN LATERAL (SELECT g % 5 = 0 AS open) o
CROSS JOIN LATERAL (SELECT now()::timestamp(3) - CASE WHEN open
    THEN ((g::bigint * 7919) % (14 * 86400)) * interval '1 second'
    ELSE (14 * 86400 + (g::bigint * 104729) % (730 * 86400)) * interval '1 second' END AS received) r`;

/** The staff members (bench-staff-1 … 20), the first with a database session. */
export async function seedStaff(db: pg.Client): Promise<string> {
  const sessionToken = randomBytes(32).toString("hex");
  await db.query(
    `INSERT INTO "User" (id, email, name, role, "updatedAt")
     SELECT 'bench-staff-' || g, 'bench-staff-' || g || '@example.jp', '担当 ' || g, 'STAFF', now()
     FROM generate_series(1, ${STAFF}) g`,
  );
  await db.query(
    `INSERT INTO "Session" (id, "sessionToken", "userId", expires, "passkeyAt") VALUES ('bench-queue-session', $1, $2, now() + interval '1 day', now())`,
    [sessionToken, BENCH_STAFF_ID],
  );
  return sessionToken;
}

/** Subjects bq-s1 … bq-s`count`, with kana and email as the staff search sees them. */
export async function seedQueueSubjects(db: pg.Client, count: number): Promise<void> {
  await db.query(
    `INSERT INTO "Subject" (id, "familyName", "givenName", "familyNameKana", "givenNameKana", email, "updatedAt")
     SELECT 'bq-s' || g, 'ベンチ', '被験者' || g, 'ベンチ', 'ヒケンシャ', 'subject' || g || '@example.jp', now()
     FROM generate_series(1, ${count}) g`,
  );
}

/** `total` requests over the subjects bq-s1 … bq-s`subjects`, then the table vacuumed. */
export async function seedRequests(
  db: pg.Client,
  options: { total: number; subjects: number },
): Promise<void> {
  await db.query(requestsSql(options.total, options.subjects));
  // The dashboard's tallies folded, as writes keep them in a running system (the insert's
  // trigger appended one delta per key).
  await db.query(`SELECT tally_compact()`);
  // As autovacuum would have left a table that has lived a while: statistics and visibility map.
  await db.query(`VACUUM ANALYZE "Request", "Tally", "TallyDelta"`);
}

/** Open and closed requests, by status. */
export async function countRequests(db: pg.Client): Promise<{ open: number; closed: number }> {
  const { rows } = await db.query<{ open: number; closed: number }>(
    `SELECT count(*) FILTER (WHERE status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(",")}))::int AS open,
            count(*) FILTER (WHERE status IN ('COMPLETED', 'WITHDRAWN'))::int AS closed
     FROM "Request"`,
  );
  return { open: rows[0]?.open ?? 0, closed: rows[0]?.closed ?? 0 };
}

export async function seedQueueBenchDatabase(options: {
  adminUrl: string;
  name: string;
  total: number;
  log: (line: string) => void;
}): Promise<{ url: string; sessionToken: string; open: number; closed: number }> {
  const url = await freshBenchDatabase(options.adminUrl, options.name);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const started = Date.now();
    const sessionToken = await seedStaff(db);
    await seedQueueSubjects(db, SUBJECTS);
    await seedRequests(db, { total: options.total, subjects: SUBJECTS });
    await db.query(`ANALYZE`);
    const { open, closed } = await countRequests(db);
    options.log(
      `  ${open + closed} requests (${open} open, ${closed} closed), ${SUBJECTS} subjects, ${STAFF} staff, in ${Date.now() - started} ms`,
    );
    return { url, sessionToken, open, closed };
  } finally {
    await db.end();
  }
}

/** The existing benchmark database and its session, with the session's expiry renewed. */
export async function reuseQueueBenchDatabase(url: string) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query<{ sessionToken: string }>(
      `UPDATE "Session" SET expires = now() + interval '1 day' WHERE id = 'bench-queue-session' RETURNING "sessionToken"`,
    );
    if (!rows[0]) throw new Error("dsar_bench_queue has no benchmark session: run without --reuse");
    const counts = await db.query<{ open: number; closed: number }>(
      `SELECT count(*) FILTER (WHERE "closedAt" IS NULL)::int AS open,
              count(*) FILTER (WHERE "closedAt" IS NOT NULL)::int AS closed FROM "Request"`,
    );
    return {
      url,
      sessionToken: rows[0].sessionToken,
      open: counts.rows[0]?.open ?? 0,
      closed: counts.rows[0]?.closed ?? 0,
    };
  } finally {
    await db.end();
  }
}
