import { randomBytes } from "node:crypto";

import pg from "pg";

import { createPrismaClient } from "../../lib/db";
import { LEGAL_BASES } from "../../lib/integration/wire";
import { seedDemo } from "../../prisma/seed/index";
import { applyMigrations } from "../db/migrations";

import { bulkLoad } from "./bulk-load";

// A fresh benchmark database: migrations, the demo organisation (recipients, purposes, scenes,
// categories), then 1,000,000 provision records by COPY — 10,000 of them for one subject whose
// user gets a database session, the rest spread over 9,900 other subjects. The builders are
// exported for scripts/bench/seed-scale.ts, which puts the ledger beside the queue in one database.

export const BENCH_USER_ID = "bench-user";
export const BENCH_SUBJECT_ID = "bench-subject";

const COLUMNS = [
  "id",
  "subjectId",
  "recipientId",
  "purposeId",
  "sceneId",
  "providedAt",
  "periodEnd",
  "items",
  "legalBasis",
  "consentId",
  "keepUntil",
  "createdAt",
] as const;

const ITEMS = [
  '"{name,email,phone}"',
  '"{name,usage_record}"',
  '"{email,ad_id,cookie_id}"',
  '"{member_id,points_balance}"',
];
const DAY = 86_400_000;
/** Spread over three years (94,608,000 s) by a stride prime to it. */
const SPREAD_SECONDS = 94_608_000;

/** A timestamp(3) column's text, in UTC as Prisma stores it. */
const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 23);

/** `ms` plus whole calendar years, the last day of the month where the day does not exist. */
function plusYears(ms: number, years: number): number {
  const d = new Date(ms);
  const day = d.getUTCDate();
  d.setUTCFullYear(d.getUTCFullYear() + years);
  if (d.getUTCDate() !== day) d.setUTCDate(0);
  return d.getTime();
}

type References = { recipients: string[]; purposes: string[]; scenes: string[]; consent: string };

async function references(db: pg.Client): Promise<References> {
  const ids = async (sql: string) => (await db.query<{ id: string }>(sql)).rows.map((r) => r.id);
  return {
    recipients: await ids(
      `SELECT id FROM "Recipient" WHERE "recipientClass" <> 'LAW_ENFORCEMENT' ORDER BY key`,
    ),
    purposes: await ids(`SELECT id FROM "Purpose" ORDER BY key`),
    scenes: await ids(`SELECT id FROM "Scene" ORDER BY key`),
    consent: (await ids(`SELECT id FROM "Consent" WHERE id = 'bench-consent'`))[0] ?? "",
  };
}

/**
 * The rows as CSV, `lines` at a time: record g (1…count) of `prefix` belongs to subject(g), goes
 * to one of the recipients and purposes in turn, four in five through a scene, one in six on the
 * benchmark consent, provided at a moment spread over the last three years and kept three more.
 */
function* csvRows(
  ref: References,
  parts: { prefix: string; count: number; subject: (g: number) => string }[],
  lines = 5_000,
): Generator<string> {
  const now = Date.now();
  let chunk: string[] = [];
  for (const { prefix, count, subject } of parts) {
    for (let g = 1; g <= count; g++) {
      const at = now - ((g * 7919) % SPREAD_SECONDS) * 1000;
      const scene = g % 5 === 0 ? "" : ref.scenes[g % ref.scenes.length];
      chunk.push(
        [
          prefix + g,
          subject(g),
          ref.recipients[g % ref.recipients.length],
          ref.purposes[Math.floor(g / 7) % ref.purposes.length],
          scene,
          stamp(at),
          g % 50 === 0 ? stamp(at + 90 * DAY) : "",
          ITEMS[g % 4],
          LEGAL_BASES[g % LEGAL_BASES.length],
          g % 6 === 0 ? ref.consent : "",
          stamp(plusYears(at, 3)),
          stamp(at),
        ].join(","),
      );
      if (chunk.length === lines) {
        yield chunk.join("\n") + "\n";
        chunk = [];
      }
    }
  }
  if (chunk.length > 0) yield chunk.join("\n") + "\n";
}

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
 * `total` provision records by COPY (scripts/bench/bulk-load.ts): `heavy` for the benchmark
 * subject, the rest spread over other subjects, `otherSubject(g)` naming the one of record g.
 */
export async function seedLedgerRows(
  db: pg.Client,
  options: { total: number; heavy: number; otherSubject: (g: number) => string },
): Promise<{ loadMs: number; rebuildMs: number }> {
  const rows = csvRows(await references(db), [
    { prefix: "bench-h", count: options.heavy, subject: () => BENCH_SUBJECT_ID },
    { prefix: "bench-p", count: options.total - options.heavy, subject: options.otherSubject },
  ]);
  return bulkLoad(db, "ProvisionRecord", COLUMNS, rows);
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
      otherSubject: (g) => `bench-s${1 + (g % others)}`,
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
