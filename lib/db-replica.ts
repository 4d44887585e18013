import pg from "pg";

import { createClientForPool, getDb, readTypes, sqlRows, type Db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { errorFields, log } from "@/lib/log";

// Reads that tolerate a second of lag (issue 17, part 3): the ledger, my data, the transparency
// page and the dashboard go to a PostgreSQL streaming replica when DATABASE_REPLICA_URL names
// one, while writes and the reads that must see them stay on the primary (lib/db.ts).
//
// The replica is used only while it is known to be close behind. At most every CHECK_MS a read
// asks the primary for its WAL position and the replica for the position it has replayed; the
// primary's positions are remembered with their times, and the replica's lag is the age of the
// newest remembered position it has replayed (0 when it has replayed the primary's current one).
// Above DATABASE_REPLICA_MAX_LAG_MS (default 1,000) reads go to the primary until it catches up.
// A replica that fails (down, restarting, a query cancelled by recovery) is left for DOWN_MS, and
// the read that met the failure is served by the primary: a reader never sees the replica's
// trouble, only a slower answer.

const CHECK_MS = 250;
const DOWN_MS = 5_000;
const SAMPLES_KEPT_MS = 60_000;

export type ReplicaState = "none" | "replica" | "lagging" | "down";

interface Replica {
  pool: pg.Pool;
  db: Db | null;
  /** The primary's WAL positions, oldest first, with when they were read. */
  samples: { at: number; lsn: bigint }[];
  state: ReplicaState;
  lagMs: number | null;
  checkedAt: number;
  downUntil: number;
  checking: Promise<void> | null;
}

const globalForReplica = globalThis as unknown as { __replica?: Replica | null };

/** "16/B374D848" → a comparable number. */
function lsnOf(text: string): bigint {
  const [high, low] = text.split("/");
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

function replica(): Replica | null {
  if (globalForReplica.__replica === undefined) {
    const url = getEnv().DATABASE_REPLICA_URL;
    if (!url) {
      globalForReplica.__replica = null;
    } else {
      const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 2_000 });
      const r: Replica = {
        pool,
        db: null,
        samples: [],
        state: "replica",
        lagMs: null,
        checkedAt: 0,
        downUntil: 0,
        checking: null,
      };
      // An idle connection broken (the replica stopping) says the replica is down: noted once.
      pool.on("error", (error) => markDown(r, error));
      globalForReplica.__replica = r;
    }
  }
  return globalForReplica.__replica;
}

function markDown(r: Replica, error: unknown) {
  if (r.state !== "down")
    log.warn("read replica unavailable: reading from the primary", errorFields(error));
  r.state = "down";
  r.lagMs = null;
  r.downUntil = Date.now() + DOWN_MS;
}

async function check(r: Replica): Promise<void> {
  const at = Date.now();
  try {
    const [primary, replayed] = await Promise.all([
      sqlRows<{ lsn: string }>({ text: `SELECT pg_current_wal_lsn()::text AS lsn`, values: [] }),
      r.pool.query<{ lsn: string | null }>(`SELECT pg_last_wal_replay_lsn()::text AS lsn`),
    ]);
    const current = lsnOf(primary[0]!.lsn);
    r.samples.push({ at, lsn: current });
    r.samples = r.samples.filter((s) => s.at >= at - SAMPLES_KEPT_MS);
    const replay = replayed.rows[0]?.lsn;
    // Not a standby (replaying nothing): its answers may be anything, so it is not read.
    if (!replay) throw new Error("DATABASE_REPLICA_URL is not a streaming replica");
    const position = lsnOf(replay);
    const caughtUp = [...r.samples].reverse().find((s) => s.lsn <= position);
    const oldest = r.samples[0]!;
    r.lagMs = caughtUp ? at - caughtUp.at : at - oldest.at + CHECK_MS;
    r.state = r.lagMs <= maxLagMs() ? "replica" : "lagging";
    r.checkedAt = at;
  } catch (error) {
    markDown(r, error);
  }
}

const maxLagMs = () => getEnv().DATABASE_REPLICA_MAX_LAG_MS;

/** Whether reads may go to the replica now, checking its lag when the last check is old. */
async function usable(r: Replica): Promise<boolean> {
  const now = Date.now();
  if (r.state === "down" && now < r.downUntil) return false;
  if (now - r.checkedAt >= CHECK_MS || r.state === "down") {
    r.checking ??= check(r).finally(() => (r.checking = null));
    await r.checking;
  }
  return r.state === "replica";
}

/** The replica's state and measured lag, for the readiness answer and the tests. */
export async function replicaStatus(): Promise<{ state: ReplicaState; lagMs: number | null }> {
  const r = replica();
  if (!r) return { state: "none", lagMs: null };
  await usable(r);
  return { state: r.state, lagMs: r.lagMs };
}

/**
 * The rows of one read-only query that tolerates lag: on the replica while it is close behind,
 * else on the primary (sqlRows). A failure on the replica is answered by the primary.
 */
export async function laggingRows<T>(query: {
  text: string;
  values: readonly unknown[];
}): Promise<T[]> {
  const r = replica();
  if (!r || !(await usable(r))) return sqlRows<T>(query);
  try {
    const result = await r.pool.query({
      text: query.text,
      values: [...query.values],
      types: readTypes,
    });
    return result.rows as T[];
  } catch (error) {
    markDown(r, error);
    return sqlRows<T>(query);
  }
}

/**
 * Runs Prisma reads that tolerate lag: with a client on the replica while it is close behind,
 * else with the app's client. A failure on the replica runs them again on the primary.
 */
export async function withLaggingDb<T>(read: (db: Db) => Promise<T>): Promise<T> {
  const r = replica();
  if (!r || !(await usable(r))) return read(getDb());
  // The same client options as the primary's (secrets omitted), on the replica's pool.
  r.db ??= createClientForPool(r.pool);
  try {
    return await read(r.db);
  } catch (error) {
    markDown(r, error);
    return read(getDb());
  }
}
