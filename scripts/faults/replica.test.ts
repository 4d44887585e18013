import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";

import { applyMigrations } from "../db/migrations";
import { startTempPostgres, startTempReplica, type TempPostgres } from "../lib/temp-postgres";

// Issue 17, part 3: reads that tolerate a second of lag go to a real streaming replica
// (pg_basebackup of a PostgreSQL server of this test's own, on another port), and the app keeps
// answering, from the primary, when the replica falls behind or goes down.

let primary: TempPostgres;
let replica: TempPostgres;
let sql: pg.Pool;
let mod: {
  replica: typeof import("@/lib/db-replica");
  dashboard: typeof import("@/lib/data/dashboard/get-dashboard");
  ledger: typeof import("@/lib/data/ledger/list-my-provisions");
  transparency: typeof import("@/lib/data/transparency/get-transparency");
};

const manager: Actor = {
  userId: "replica-manager",
  role: "MANAGER",
  email: "m@example.jp",
  ip: null,
  passkeyAt: new Date(),
};
const person: Actor = {
  userId: "replica-user",
  role: "SUBJECT",
  email: "p@example.jp",
  ip: null,
  passkeyAt: new Date(),
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let seq = 0;
async function fileRequest() {
  seq += 1;
  await sql.query(
    `INSERT INTO "Request" (id, reference, type, status, "subjectId", details, "receivedAt",
       "dueAt", "updatedAt")
     VALUES ($1, $2, 'DISCLOSURE', 'SUBMITTED', 'replica-subject', '{}', now(),
       now() + interval '10 days', now())`,
    [`replica-request-${seq}`, `R-2026-${String(700_000 + seq).padStart(6, "0")}`],
  );
}

/** Polls until the replica's state is `state` (the app checks it at most every 250 ms). */
async function until(state: string, timeoutMs = 15_000) {
  const started = Date.now();
  for (;;) {
    const status = await mod.replica.replicaStatus();
    if (status.state === state) return status;
    if (Date.now() - started > timeoutMs)
      throw new Error(`replica still ${status.state} after ${timeoutMs} ms`);
    await sleep(100);
  }
}

const openCount = async () => (await mod.dashboard.getDashboard({ actor: manager })).open;

beforeAll(async () => {
  primary = await startTempPostgres();
  const admin = new pg.Client({ connectionString: primary.url() });
  await admin.connect();
  await admin.query(`CREATE DATABASE dsar_replica`);
  await admin.end();
  await applyMigrations({ url: primary.url("dsar_replica") });
  sql = new pg.Pool({ connectionString: primary.url("dsar_replica"), max: 2 });
  await sql.query(
    `INSERT INTO "User" (id, email, role, "updatedAt") VALUES
       ('replica-user', 'p@example.jp', 'SUBJECT', now()),
       ('replica-manager', 'm@example.jp', 'MANAGER', now())`,
  );
  await sql.query(
    `INSERT INTO "Subject" (id, "userId", "familyName", "givenName", "updatedAt")
     VALUES ('replica-subject', 'replica-user', '試験', '花子', now())`,
  );
  await fileRequest();
  replica = await startTempReplica(primary);
  process.env.DATABASE_URL = primary.url("dsar_replica");
  process.env.DATABASE_REPLICA_URL = replica.url("dsar_replica");
  process.env.DATABASE_REPLICA_MAX_LAG_MS = "1000";
  mod = {
    replica: await import("@/lib/db-replica"),
    dashboard: await import("@/lib/data/dashboard/get-dashboard"),
    ledger: await import("@/lib/data/ledger/list-my-provisions"),
    transparency: await import("@/lib/data/transparency/get-transparency"),
  };
});

afterAll(async () => {
  await sql?.end();
  const { getDb } = await import("@/lib/db");
  await getDb().$disconnect();
  await replica?.stop();
  await primary?.stop();
});

describe("the read replica", () => {
  it("serves the reads that tolerate lag, and leaves them to the primary when it lags or is down", async () => {
    // Caught up: the dashboard, the ledger and the transparency page read from the replica.
    await until("replica");
    expect(await openCount()).toBe(1);
    expect((await mod.ledger.listMyProvisions({ actor: person, filter: {} })).rows).toEqual([]);
    await mod.transparency.getTransparency({ locale: "ja" });

    // The replica stops replaying: a request filed on the primary is not on it. Within the
    // second of lag allowed the dashboard still reads the replica, so it does not count it yet:
    // the proof that the replica, not the primary, answered.
    const standby = new pg.Client({ connectionString: replica.url("dsar_replica") });
    await standby.connect();
    await standby.query(`SELECT pg_wal_replay_pause()`);
    expect((await mod.replica.replicaStatus()).state).toBe("replica");
    await fileRequest();
    expect(await openCount()).toBe(1);

    // More than a second behind: the primary answers, with the new request.
    await sleep(1_300);
    expect(await openCount()).toBe(2);
    const lagging = await mod.replica.replicaStatus();
    expect(lagging.state).toBe("lagging");
    expect(lagging.lagMs).toBeGreaterThan(1_000);

    // Replaying again: back on the replica, which now has it.
    await standby.query(`SELECT pg_wal_replay_resume()`);
    await standby.end();
    await until("replica");
    expect(await openCount()).toBe(2);

    // Down: every read is answered by the primary, without an error.
    await replica.stop();
    await fileRequest();
    expect(await openCount()).toBe(3);
    expect((await mod.replica.replicaStatus()).state).toBe("down");
    expect((await mod.ledger.listMyProvisions({ actor: person, filter: {} })).rows).toEqual([]);
    expect(await mod.transparency.getTransparency({ locale: "ja" })).toBeNull();

    // Back: used again once it answers (after a pause of a few seconds) and has caught up.
    await replica.restart();
    await until("replica");
    expect(await openCount()).toBe(3);
  });
});
