import { randomBytes } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

import pg from "pg";

import { applyMigrations } from "../db/migrations";

import { freshBenchDatabase, seedLedgerRows, seedLedgerSubject } from "./seed-ledger";
import { countRequests, seedQueueSubjects, seedRequests, seedStaff } from "./seed-queue";

// The one database of `npm run bench` (issue 6): at full scale 50,000 subjects, 100,000 requests
// (as scripts/bench/seed-queue.ts makes them) and 1,000,000 provision records, 10,000 of them for
// the benchmark subject (as scripts/bench/seed-ledger.ts makes them), the other records spread
// over the same 50,000 subjects; sessions for the benchmark subject, a staff member and a
// manager; one request of the benchmark subject for its status page. All in bulk SQL, the ledger
// rows by COPY (scripts/bench/bulk-load.ts).
//
//   tsx --conditions=react-server scripts/bench/seed-scale.ts [--scale small]

export const SCALES = {
  full: { subjects: 50_000, requests: 100_000, records: 1_000_000, heavy: 10_000 },
  // 1/20 of every row count, for developing the benchmark itself.
  small: { subjects: 2_500, requests: 5_000, records: 50_000, heavy: 500 },
} as const;
export type Scale = keyof typeof SCALES;

export const BENCH_MANAGER_ID = "bench-manager";
/** The benchmark subject's own request, for the status page in the mixed traffic. */
export const BENCH_REFERENCE = "R-2026-900001";

const SESSIONS = {
  subject: "bench-session",
  staff: "bench-queue-session",
  manager: "bench-manager-session",
} as const;

export interface ScaleDatabase {
  url: string;
  tokens: Record<keyof typeof SESSIONS, string>;
  counts: { subjects: number; requests: number; open: number; records: number };
}

/** The database of a scale; `base` names another benchmark's own (scripts/bench/pages.ts). */
export const scaleDatabaseName = (scale: Scale, base = "dsar_bench_all") =>
  scale === "full" ? base : `${base}_${scale}`;

async function seedManager(db: pg.Client): Promise<string> {
  const token = randomBytes(32).toString("hex");
  await db.query(
    `INSERT INTO "User" (id, email, name, role, "updatedAt")
     VALUES ($1, 'bench-manager@example.jp', '管理 ベンチ', 'MANAGER', now())`,
    [BENCH_MANAGER_ID],
  );
  await db.query(
    `INSERT INTO "Session" (id, "sessionToken", "userId", expires, "passkeyAt") VALUES ($1, $2, $3, now() + interval '1 day', now())`,
    [SESSIONS.manager, token, BENCH_MANAGER_ID],
  );
  return token;
}

/** An open disclosure request filed by the benchmark subject, with its first timeline entry. */
async function seedSubjectRequest(db: pg.Client): Promise<void> {
  await db.query(
    `INSERT INTO "Request" (id, reference, type, status, "subjectId", "filedById", details,
       "receivedAt", "dueAt", "assigneeId", "updatedAt")
     VALUES ('bench-own-request', $1, 'DISCLOSURE', 'IN_PROGRESS', 'bench-subject', 'bench-user',
       '{"scope":"ALL","method":"JSON"}', now() - interval '5 days', now() + interval '25 days',
       'bench-staff-1', now())`,
    [BENCH_REFERENCE],
  );
  await db.query(
    `INSERT INTO "RequestEvent" (id, "requestId", kind, "toStatus", "actorId", at)
     VALUES ('bench-own-event', 'bench-own-request', 'submitted', 'SUBMITTED', 'bench-user',
       now() - interval '5 days')`,
  );
}

async function counts(db: pg.Client): Promise<ScaleDatabase["counts"]> {
  const { open, closed } = await countRequests(db);
  const { rows } = await db.query<{ subjects: number; records: number }>(
    `SELECT (SELECT count(*) FROM "Subject")::int AS subjects,
            (SELECT count(*) FROM "ProvisionRecord")::int AS records`,
  );
  return {
    subjects: rows[0]?.subjects ?? 0,
    requests: open + closed,
    open,
    records: rows[0]?.records ?? 0,
  };
}

export async function seedScaleDatabase(options: {
  adminUrl: string;
  scale: Scale;
  /** The database's name: `scaleDatabaseName(scale)` unless given. It is dropped first. */
  name?: string;
  log: (line: string) => void;
}): Promise<ScaleDatabase> {
  const size = SCALES[options.scale];
  const { log } = options;
  const step = async (label: string, run: () => Promise<unknown>) => {
    const started = performance.now();
    await run();
    log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  let url = "";
  await step("database, migrations, demo organisation", async () => {
    url = await freshBenchDatabase(
      options.adminUrl,
      options.name ?? scaleDatabaseName(options.scale),
    );
  });
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    let subject = "";
    let staff = "";
    let manager = "";
    await step("users and sessions", async () => {
      subject = await seedLedgerSubject(db);
      staff = await seedStaff(db);
      manager = await seedManager(db);
    });
    // The benchmark subject is one of the 50,000.
    await step(`${size.subjects - 1} subjects`, () => seedQueueSubjects(db, size.subjects - 1));
    await step(`${size.requests} requests`, async () => {
      await seedRequests(db, { total: size.requests, subjects: size.subjects - 1 });
      await seedSubjectRequest(db);
    });
    await step(`${size.records} provision records`, () =>
      seedLedgerRows(db, {
        total: size.records,
        heavy: size.heavy,
        otherSubject: (g) => `bq-s${1 + (g % (size.subjects - 1))}`,
      }),
    );
    await step("VACUUM ANALYZE", () => db.query(`VACUUM ANALYZE`));
    return { url, tokens: { subject, staff, manager }, counts: await counts(db) };
  } finally {
    await db.end();
  }
}

/** The database a previous run seeded, its sessions renewed; throws when it is not there. */
export async function reuseScaleDatabase(
  adminUrl: string,
  scale: Scale,
  name = scaleDatabaseName(scale),
): Promise<ScaleDatabase> {
  const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  // Migrations added since the database was seeded (they carry their own backfills).
  await applyMigrations({ url });
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string; sessionToken: string }>(
      `UPDATE "Session" SET expires = now() + interval '1 day' WHERE id = ANY($1)
       RETURNING id, "sessionToken"`,
      [Object.values(SESSIONS)],
    );
    const token = (id: string) => {
      const row = rows.find((r) => r.id === id);
      if (!row) throw new Error(`${name} has no session ${id}: seed it again`);
      return row.sessionToken;
    };
    return {
      url,
      tokens: {
        subject: token(SESSIONS.subject),
        staff: token(SESSIONS.staff),
        manager: token(SESSIONS.manager),
      },
      counts: await counts(db),
    };
  } finally {
    await db.end();
  }
}

export const describeCounts = (c: ScaleDatabase["counts"]) =>
  `${c.subjects.toLocaleString("en")} subjects, ${c.requests.toLocaleString("en")} requests (${c.open.toLocaleString("en")} open), ${c.records.toLocaleString("en")} provision records`;

// Run directly: seed and print the time it took.
if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? "")).href) {
  const { values } = parseArgs({ options: { scale: { type: "string", default: "full" } } });
  if (!(values.scale in SCALES))
    throw new Error(`--scale is one of ${Object.keys(SCALES).join(", ")}`);
  const adminUrl =
    process.env.BENCH_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const started = performance.now();
  const seeded = await seedScaleDatabase({
    adminUrl,
    scale: values.scale as Scale,
    log: (line) => console.log(line),
  });
  console.log(
    `Seeded ${scaleDatabaseName(values.scale as Scale)} in ${((performance.now() - started) / 1000).toFixed(1)} s: ${describeCounts(seeded.counts)}`,
  );
}
