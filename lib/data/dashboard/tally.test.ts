import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createPrismaClient } from "@/lib/db";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import { TALLIES } from "@/lib/data/tallies";
import { OPEN_STATUSES } from "@/lib/requests/lifecycle";
import { seedDemo } from "@/prisma/seed/index";
import { createTestDatabase, type TestDatabase } from "@/scripts/lib/test-database";

import {
  assembleDashboard,
  readDashboard,
  recountQueries,
  workspaceCountsQuery,
  type DashboardRows,
  type RunQuery,
} from "./dashboard-query";

// Integration (issue 17): the dashboard read from the tallies the database keeps equals a full
// recount of the requests, after random inserts, updates and deletes, concurrent transactions,
// rolled-back ones, folds at any moment, and changes to closures a cached time-to-close snapshot
// covers; at several instants, mid-hour and on the hour.

const STATUSES = Object.values(RequestStatus);
const TYPES = ["DISCLOSURE", "CORRECTION", "SUSPENSION_ERASURE", "STOP_PROVISION"] as const;
const JURISDICTIONS = [["JP"], ["JP", "EU"], ["US_CA"], ["EU", "UK"], []] as const;
const STAFF = ["tally-staff-1", "tally-staff-2", "tally-staff-3"];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// A fixed "now" for the figures, 12:34:56 JST on a Wednesday; the requests spread around it.
const NOW = new Date("2026-06-17T03:34:56.789Z");

let testDb: TestDatabase;
let pool: pg.Pool;
const run: RunQuery = async <T>(q: { text: string; values: unknown[] }) =>
  (await pool.query(q.text, q.values)).rows as T[];

// A seeded generator, so a failure can be replayed.
let seed = 20261206;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const around = (spanDays: number) =>
  new Date(NOW.getTime() + Math.round((random() * 2 - 1) * spanDays * DAY));

let counter = 0;
/** A request with random attributes; closed ones carry closedAt (sometimes before today). */
function randomRequest() {
  counter += 1;
  const status = pick(STATUSES);
  const closed = status === "COMPLETED" || status === "WITHDRAWN";
  const receivedAt = around(120);
  const dueAt = new Date(receivedAt.getTime() + Math.round(random() * 40 * DAY));
  return {
    id: `tally-${counter}`,
    reference: `R-2026-${String(counter).padStart(6, "0")}`,
    status,
    type: pick(TYPES),
    jurisdictions: [...pick(JURISDICTIONS)],
    assigneeId: random() < 0.3 ? null : pick(STAFF),
    receivedAt,
    dueAt,
    extendedDueAt: random() < 0.2 ? new Date(dueAt.getTime() + 30 * DAY) : null,
    ackDueAt: random() < 0.4 ? new Date(receivedAt.getTime() + 10 * DAY) : null,
    acknowledgedAt: random() < 0.5 ? receivedAt : null,
    closedAt: closed ? new Date(receivedAt.getTime() + Math.round(random() * 60 * DAY)) : null,
  };
}

async function insert(client: pg.Pool | pg.PoolClient, count: number) {
  const rows = Array.from({ length: count }, randomRequest);
  await client.query(
    `INSERT INTO "Request" (id, reference, status, type, jurisdictions, "assigneeId", "subjectId",
       "receivedAt", "dueAt", "extendedDueAt", "ackDueAt", "acknowledgedAt", "closedAt", details,
       "updatedAt")
     SELECT r.id, r.reference, r.status::"RequestStatus", r.type::"RequestType",
       ARRAY(SELECT jsonb_array_elements_text(r.jurisdictions))::"Jurisdiction"[], r."assigneeId",
       'tally-subject', r."receivedAt", r."dueAt", r."extendedDueAt", r."ackDueAt",
       r."acknowledgedAt", r."closedAt", '{}', now()
     FROM jsonb_to_recordset($1::jsonb) AS r(id text, reference text, status text, type text,
       jurisdictions jsonb, "assigneeId" text, "receivedAt" timestamp, "dueAt" timestamp,
       "extendedDueAt" timestamp, "ackDueAt" timestamp, "acknowledgedAt" timestamp,
       "closedAt" timestamp)`,
    [JSON.stringify(rows)],
  );
}

const ts = (d: Date) => d.toISOString();
/**
 * One random change to one random request, as the app's actions make them. Concurrent
 * transactions each take their own share of the requests (`share` of 6), so any deadlock would
 * be the tallies' doing, not two transactions locking the same two requests in turn.
 */
async function change(client: pg.Pool | pg.PoolClient, share?: number) {
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM "Request"
     WHERE $2::int IS NULL OR substring(id FROM 7)::int % 6 = $2::int
     ORDER BY id OFFSET $1 LIMIT 1`,
    [Math.floor((random() * counter * 0.8) / (share === undefined ? 1 : 6)), share ?? null],
  );
  const id = rows[0]?.id;
  if (!id) return;
  const at = around(100);
  const changes: [string, unknown[]][] = [
    [`status = $2::"RequestStatus", "closedAt" = NULL`, [pick(OPEN_STATUSES)]],
    [`status = $2::"RequestStatus", "closedAt" = $3`, [pick(["COMPLETED", "WITHDRAWN"]), ts(at)]],
    [`"assigneeId" = $2`, [random() < 0.3 ? null : pick(STAFF)]],
    [`"extendedDueAt" = $2`, [ts(at)]],
    [`"acknowledgedAt" = $2`, [ts(at)]],
    [`type = $2::"RequestType"`, [pick(TYPES)]],
    [`jurisdictions = $2::"Jurisdiction"[]`, [[...pick(JURISDICTIONS)]]],
    [`"receivedAt" = $2`, [ts(at)]],
    [`"dueAt" = $2, "ackDueAt" = $2`, [ts(at)]],
    [`"updatedAt" = now()`, []],
  ];
  if (random() < 0.05) {
    await client.query(`DELETE FROM "Request" WHERE id = $1`, [id]);
    return;
  }
  const [set, values] = pick(changes);
  await client.query(`UPDATE "Request" SET ${set} WHERE id = $1`, [id, ...values]);
}

async function recount(now: Date) {
  const rows = await Promise.all(recountQueries(now).map((q) => run(q)));
  return assembleDashboard(now, rows as unknown as DashboardRows);
}

/** The tallies' figures equal the recount's at instants around NOW, on and off the hour. */
async function expectEqual(label: string) {
  const instants = [
    NOW,
    new Date(Math.floor(NOW.getTime() / HOUR) * HOUR),
    new Date(NOW.getTime() - 3 * DAY + 17 * 60_000),
    new Date(NOW.getTime() + 5 * DAY),
  ];
  for (const now of instants) {
    const [fromTallies, fromRequests] = await Promise.all([readDashboard(run, now), recount(now)]);
    expect(fromTallies, `${label} at ${now.toISOString()}`).toEqual(fromRequests);
    // The staff workspace's figures, for a staff member and for the unassigned.
    for (const userId of [STAFF[0]!, "nobody"]) {
      const [workspace] = await run(workspaceCountsQuery(now, userId));
      const [recounted] = await run({
        text: `SELECT count(*)::int AS open,
            count(*) FILTER (WHERE "assigneeId" = $2)::int AS mine,
            count(*) FILTER (WHERE COALESCE("extendedDueAt", "dueAt") < $1)::int AS overdue
          FROM "Request" WHERE status = ANY ($3::"RequestStatus"[])`,
        values: [now.toISOString().replace("Z", ""), userId, [...OPEN_STATUSES]],
      });
      expect(workspace, `workspace of ${userId}, ${label}`).toEqual(recounted);
    }
  }
}

beforeAll(async () => {
  testDb = await createTestDatabase({ prefix: "tally" });
  pool = new pg.Pool({ connectionString: testDb.url, max: 8 });
  // The database is dropped with its connections at the end: an idle one's farewell is expected.
  pool.on("error", () => {});
  await pool.query(
    `INSERT INTO "User" (id, email, name, role, "updatedAt")
     SELECT id, id || '@example.jp', '担当 ' || id, 'STAFF', now() FROM unnest($1::text[]) id`,
    [STAFF],
  );
  await pool.query(
    `INSERT INTO "Subject" (id, "familyName", "givenName", email, "updatedAt")
     VALUES ('tally-subject', '試験', '花子', 'tally@example.jp', now())`,
  );
});

afterAll(async () => {
  await pool?.end();
  await testDb?.drop();
});

describe("the dashboard's tallies", () => {
  it("count under the open statuses the app defines, and no other", async () => {
    const { rows } = await pool.query<{ def: string }>(
      `SELECT pg_get_functiondef('request_tally_keys'::regproc) AS def`,
    );
    const listed = [...rows[0]!.def.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]);
    for (const status of STATUSES)
      expect(listed.includes(status), status).toBe(
        (OPEN_STATUSES as readonly string[]).includes(status),
      );
  });

  it("equal a full recount after random changes, concurrent and rolled back, with folds between", async () => {
    await insert(pool, 300);
    await expectEqual("after a bulk insert");

    for (let round = 0; round < 6; round += 1) {
      // One by one, as separate statements.
      for (let i = 0; i < 40; i += 1) await change(pool);
      // Concurrent transactions, some rolled back, each several statements long.
      await Promise.all(
        Array.from({ length: 6 }, async (_, t) => {
          const client = await pool.connect();
          try {
            await client.query("BEGIN");
            for (let i = 0; i < 8; i += 1) await change(client, t);
            if (t % 3 === 0) await insert(client, 3);
            await client.query(t % 4 === 1 ? "ROLLBACK" : "COMMIT");
          } catch (error) {
            await client.query("ROLLBACK");
            throw error;
          } finally {
            client.release();
          }
        }),
      );
      if (round % 2 === 0) await pool.query(`SELECT tally_compact()`);
      await expectEqual(`round ${round}`);
    }
    // Everything folded: the deltas are gone and the figures unchanged.
    await pool.query(`SELECT tally_compact()`);
    const deltas = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "TallyDelta"`);
    expect(deltas.rows[0]!.n).toBe(0);
    await expectEqual("after the last fold");
  });

  it("drop a time-to-close snapshot when a closure it covers changes, and keep it otherwise", async () => {
    await readDashboard(run, NOW);
    const snapshots = async () =>
      (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "CloseTimeSnapshot"`))
        .rows[0]!.n;
    expect(await snapshots()).toBeGreaterThan(0);
    // Closing a request now reaches no snapshot of a day gone by.
    await pool.query(
      `UPDATE "Request" SET status = 'COMPLETED', "closedAt" = $1
       WHERE id = (SELECT id FROM "Request" WHERE "closedAt" IS NULL ORDER BY id LIMIT 1)`,
      [ts(new Date(NOW.getTime() + DAY))],
    );
    expect(await snapshots()).toBeGreaterThan(0);
    // A completed request closed ten days before NOW, reopened: the snapshot goes, and the
    // figures are still the recount's.
    await pool.query(
      `UPDATE "Request" SET status = 'COMPLETED', "closedAt" = $1, "receivedAt" = $2
       WHERE id = (SELECT id FROM "Request" ORDER BY id DESC LIMIT 1)`,
      [ts(new Date(NOW.getTime() - 10 * DAY)), ts(new Date(NOW.getTime() - 14 * DAY))],
    );
    await expectEqual("a closure added before the snapshot's day");
    await pool.query(
      `UPDATE "Request" SET status = 'IN_PROGRESS', "closedAt" = NULL
       WHERE id = (SELECT id FROM "Request" ORDER BY id DESC LIMIT 1)`,
    );
    await expectEqual("the same closure undone");
  });

  it("count provision records and personal data items as a recount does, whatever is changed", async () => {
    const prisma = createPrismaClient(testDb.url, { max: 2 });
    try {
      await seedDemo(prisma);
    } finally {
      await prisma.$disconnect();
    }
    const fromTallies = async () =>
      (
        await pool.query<{ dimension: string; key: string; n: number }>(
          `SELECT t.dimension, t.key, sum(t.n)::int AS n FROM ${TALLIES} t
           WHERE t.dimension LIKE 'provision:%' OR t.dimension LIKE 'item:%'
           GROUP BY 1, 2 HAVING sum(t.n) <> 0 ORDER BY 1, 2`,
        )
      ).rows;
    const recounted = async () =>
      (
        await pool.query<{ dimension: string; key: string; n: number }>(
          `SELECT * FROM (
             SELECT 'item:category-source' AS dimension, "categoryId" || ' ' || source AS key,
               count(*)::int AS n
             FROM "PersonalDataItem" WHERE "erasedAt" IS NULL GROUP BY 2
             UNION ALL
             SELECT 'provision:scene-recipient', coalesce("sceneId", '') || ' ' || "recipientId",
               count(*)::int
             FROM "ProvisionRecord" GROUP BY 2
             UNION ALL
             SELECT 'provision:scene-item', "sceneId" || ' ' || item, count(*)::int
             FROM "ProvisionRecord" CROSS JOIN LATERAL unnest(items) item
             WHERE "sceneId" IS NOT NULL GROUP BY 2
           ) r ORDER BY 1, 2`,
        )
      ).rows;
    expect((await recounted()).length).toBeGreaterThan(3);
    expect(await fromTallies()).toEqual(await recounted());

    const statements = [
      // New records copied from existing ones, another scene or none, other items.
      `INSERT INTO "ProvisionRecord" (id, "subjectId", "recipientId", "purposeId", "sceneId",
         "providedAt", items, "legalBasis", "keepUntil")
       SELECT id || '-copy-' || $1, "subjectId", "recipientId", "purposeId",
         CASE WHEN random() < 0.3 THEN NULL ELSE "sceneId" END, "providedAt",
         items || ARRAY['extra item'], "legalBasis", "keepUntil"
       FROM "ProvisionRecord" WHERE random() < 0.3`,
      `UPDATE "ProvisionRecord" SET "sceneId" = NULL WHERE random() < 0.1`,
      `UPDATE "ProvisionRecord" SET "sceneId" = (SELECT id FROM "Scene" ORDER BY random() LIMIT 1)
       WHERE random() < 0.2`,
      `UPDATE "ProvisionRecord" SET items = items[1:1] WHERE random() < 0.2`,
      `UPDATE "ProvisionRecord"
       SET "recipientId" = (SELECT id FROM "Recipient" ORDER BY random() LIMIT 1)
       WHERE random() < 0.2`,
      `DELETE FROM "ProvisionRecord" WHERE random() < 0.1`,
      `UPDATE "PersonalDataItem" SET "erasedAt" = now() WHERE random() < 0.2`,
      `UPDATE "PersonalDataItem" SET "erasedAt" = NULL WHERE random() < 0.2`,
      `UPDATE "PersonalDataItem" SET source = 'THIRD_PARTY' WHERE random() < 0.2`,
      `DELETE FROM "PersonalDataItem" WHERE random() < 0.05`,
    ];
    for (let round = 0; round < 4; round += 1) {
      await Promise.all(
        statements.map(async (sql) => {
          const client = await pool.connect();
          try {
            await client.query("BEGIN");
            await client.query(sql, sql.includes("$1") ? [`${round}`] : []);
            await client.query(round % 2 === 1 && sql.startsWith("DELETE") ? "ROLLBACK" : "COMMIT");
          } catch (error) {
            await client.query("ROLLBACK");
            // Two statements may lock the same rows in turn: the deadlock aborts one of them,
            // a rolled-back change like any other. Anything else is a failure.
            if ((error as { code?: string }).code !== "40P01") throw error;
          } finally {
            client.release();
          }
        }),
      );
      if (round === 2) await pool.query(`SELECT tally_compact()`);
      expect(await fromTallies(), `round ${round}`).toEqual(await recounted());
    }
    // Emptied at once (as the ingestion benchmark does): no count is left behind.
    await pool.query(`TRUNCATE "ProvisionRecord"`);
    expect(await fromTallies()).toEqual(await recounted());
    expect((await fromTallies()).some((t) => t.dimension.startsWith("provision:"))).toBe(false);
  });
});
