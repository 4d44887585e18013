import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded-db";

// The embedded database serves every connection from one PGlite session. Several clients at once
// (the app's pool, the job worker) must each get their own answers, and a transaction must see
// only its own statements.

let dir: string;
let embedded: EmbeddedDatabase;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "embedded-"));
  embedded = await startEmbeddedDatabase({ dataDir: dir });
});

afterAll(async () => {
  await embedded.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("embedded database under concurrent connections", () => {
  it("answers each connection's queries with its own results while transactions run", async () => {
    // Without scripts/lib/pglite-queue.ts this fails with "unnamed prepared statement does not
    // exist": another connection's Parse lands inside a query's Parse … Sync.
    const pool = new pg.Pool({ connectionString: embedded.url, max: 8 });
    try {
      await pool.query("CREATE TABLE IF NOT EXISTS notes (id serial PRIMARY KEY, v text)");
      const wrong: string[] = [];
      const readers = Array.from({ length: 5 }, async (_, c) => {
        for (let i = 0; i < 60; i++) {
          const value = `${c}-${i}-`.repeat(200);
          const { rows } = await pool.query<{ v: string; n: number }>(
            "SELECT $1::text AS v, $2::int AS n",
            [value, i],
          );
          if (rows[0]?.v !== value || rows[0]?.n !== i) wrong.push(`read ${c}-${i}`);
        }
      });
      const writers = Array.from({ length: 3 }, async (_, c) => {
        for (let i = 0; i < 20; i++) {
          const client = await pool.connect();
          try {
            await client.query("BEGIN");
            const inserted = await client.query<{ id: number }>(
              "INSERT INTO notes (v) VALUES ($1) RETURNING id",
              [`w${c}-${i}`],
            );
            await new Promise((resolve) => setTimeout(resolve, 5));
            const { rows } = await client.query<{ v: string }>(
              "SELECT v FROM notes WHERE id = $1",
              [inserted.rows[0]!.id],
            );
            if (rows[0]?.v !== `w${c}-${i}`) wrong.push(`write ${c}-${i}`);
            await client.query("COMMIT");
          } finally {
            client.release();
          }
        }
      });
      await Promise.all([...readers, ...writers]);
      expect(wrong).toEqual([]);
    } finally {
      await pool.end();
    }
  });

  it("keeps a transaction's statements together while others wait", async () => {
    const a = new pg.Client({ connectionString: embedded.url });
    const b = new pg.Client({ connectionString: embedded.url });
    await Promise.all([a.connect(), b.connect()]);
    try {
      await a.query("CREATE TABLE IF NOT EXISTS counter (n int)");
      await a.query("BEGIN");
      await a.query("INSERT INTO counter VALUES ($1)", [1]);
      const outside = b.query<{ c: string }>("SELECT count(*)::text AS c FROM counter");
      await a.query("INSERT INTO counter VALUES ($1)", [2]);
      await a.query("COMMIT");
      expect((await outside).rows[0]?.c).toBe("2");
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });
});
