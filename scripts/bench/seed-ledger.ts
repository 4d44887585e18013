import { randomBytes } from "node:crypto";

import pg from "pg";

import { createPrismaClient } from "../../lib/db";
import { seedDemo } from "../../prisma/seed/index";
import { applyMigrations } from "../db/migrations";

// A fresh benchmark database: migrations, the demo organisation (recipients, purposes, scenes,
// categories), then 1,000,000 provision records in bulk — 10,000 of them for one subject whose
// user gets a database session, the rest spread over 9,900 other subjects. The builders are
// exported for scripts/bench/seed-scale.ts, which puts the ledger beside the queue in one database.

export const BENCH_USER_ID = "bench-user";
export const BENCH_SUBJECT_ID = "bench-subject";

const rowsSql = (subject: string, count: number, prefix: string) => `
INSERT INTO "ProvisionRecord" (id, "subjectId", "recipientId", "purposeId", "sceneId", "providedAt",
  "periodEnd", items, "legalBasis", "consentId", "keepUntil", "createdAt")
SELECT '${prefix}' || g, ${subject},
  ref.rec[1 + g % array_length(ref.rec, 1)],
  ref.pur[1 + (g / 7) % array_length(ref.pur, 1)],
  CASE WHEN g % 5 = 0 THEN NULL ELSE ref.sc[1 + g % array_length(ref.sc, 1)] END,
  ts, CASE WHEN g % 50 = 0 THEN ts + interval '90 days' END,
  CASE g % 4 WHEN 0 THEN ARRAY['name','email','phone'] WHEN 1 THEN ARRAY['name','usage_record']
    WHEN 2 THEN ARRAY['email','ad_id','cookie_id'] ELSE ARRAY['member_id','points_balance'] END,
  (ARRAY['CONSENT','OPT_OUT','LAW','USER_APPLICATION','CONTRACT','PROCESSING_ENTRUSTMENT'])[1 + g % 6]::"LegalBasis",
  CASE WHEN g % 6 = 0 THEN ref.consent END,
  ts + interval '3 years', ts
FROM generate_series(1, ${count}) g
CROSS JOIN LATERAL (SELECT now()::timestamp(3) - ((g::bigint * 7919) % 94608000) * interval '1 second' AS ts) t
CROSS JOIN (
  SELECT (SELECT array_agg(id ORDER BY key) FROM "Recipient" WHERE "recipientClass" <> 'LAW_ENFORCEMENT') rec,
         (SELECT array_agg(id ORDER BY key) FROM "Purpose") pur,
         (SELECT array_agg(id ORDER BY key) FROM "Scene") sc,
         (SELECT id FROM "Consent" WHERE id = 'bench-consent') consent
) ref`;

/** Drops and recreates `name`, applies the migrations and seeds the demo organisation. */
export async function freshBenchDatabase(adminUrl: string, name: string): Promise<string> {
  const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  await applyMigrations({ url });
  const prisma = createPrismaClient(url, { max: 2 });
  await seedDemo(prisma);
  await prisma.$disconnect();
  return url;
}

/** The benchmark subject: its user, a consent the records rest on and a database session. */
export async function seedLedgerSubject(db: pg.Client): Promise<string> {
  const sessionToken = randomBytes(32).toString("hex");
  await db.query(
    `INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES ($1, 'bench@example.jp', 'ベンチ', 'SUBJECT', now())`,
    [BENCH_USER_ID],
  );
  await db.query(
    `INSERT INTO "Subject" (id, "userId", "familyName", "givenName", "updatedAt") VALUES ($1, $2, 'ベンチ', '花子', now())`,
    [BENCH_SUBJECT_ID, BENCH_USER_ID],
  );
  await db.query(
    `INSERT INTO "Consent" (id, "subjectId", kind, reference, "grantedAt") VALUES ('bench-consent', $1, 'AD_MATCHING', 'ADM-BENCH-1', now() - interval '4 years')`,
    [BENCH_SUBJECT_ID],
  );
  await db.query(
    `INSERT INTO "Session" (id, "sessionToken", "userId", expires) VALUES ('bench-session', $1, $2, now() + interval '1 day')`,
    [sessionToken, BENCH_USER_ID],
  );
  return sessionToken;
}

/**
 * `total` provision records: `heavy` for the benchmark subject, the rest spread over other
 * subjects, `otherSubject` being the SQL expression (over the series number g) naming one.
 */
export async function seedLedgerRows(
  db: pg.Client,
  options: { total: number; heavy: number; otherSubject: string },
): Promise<void> {
  await db.query(rowsSql(`'${BENCH_SUBJECT_ID}'`, options.heavy, "bench-h"));
  await db.query(rowsSql(options.otherSubject, options.total - options.heavy, "bench-p"));
}

export async function seedBenchDatabase(options: {
  adminUrl: string;
  name: string;
  total: number;
  heavy: number;
  log: (line: string) => void;
}): Promise<{ url: string; sessionToken: string }> {
  const { log } = options;
  const url = await freshBenchDatabase(options.adminUrl, options.name);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const sessionToken = await seedLedgerSubject(db);
    const others = Math.ceil((options.total - options.heavy) / 100);
    const started = Date.now();
    await db.query(
      `INSERT INTO "Subject" (id, "familyName", "givenName", "updatedAt")
       SELECT 'bench-s' || g, 'ベンチ', '被験者' || g, now() FROM generate_series(1, ${others}) g`,
    );
    await seedLedgerRows(db, {
      total: options.total,
      heavy: options.heavy,
      otherSubject: `'bench-s' || (1 + g % ${others})`,
    });
    log(`  ${options.heavy} records for the benchmark subject`);
    await db.query(`ANALYZE`);
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "ProvisionRecord"`,
    );
    log(`  ${rows[0]?.n} records in total, ${others + 3} subjects, in ${Date.now() - started} ms`);
    return { url, sessionToken };
  } finally {
    await db.end();
  }
}

/** The existing benchmark database and its session, with the session's expiry renewed. */
export async function reuseBenchDatabase(url: string) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query<{ sessionToken: string }>(
      `UPDATE "Session" SET expires = now() + interval '1 day' WHERE id = 'bench-session' RETURNING "sessionToken"`,
    );
    if (!rows[0]) throw new Error("dsar_bench has no benchmark session: run without --reuse");
    return { url, sessionToken: rows[0].sessionToken };
  } finally {
    await db.end();
  }
}
