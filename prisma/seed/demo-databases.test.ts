import { randomBytes, randomUUID } from "node:crypto";

import mysql from "mysql2/promise";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import type { RequestType } from "@/lib/generated/prisma/enums";
import { parseMasterKey } from "@/lib/storage/envelope";
import { verifiedRequest } from "@/lib/test/requests";
import { createTestDatabase } from "@/scripts/lib/test-database";

import { MARIADB_ADMIN_URL } from "@/lib/fulfilment/engine/connectors/sql/test-targets";

// Integration: the demo's own databases (issue 18) on this machine's MariaDB and PostgreSQL. The
// seed creates them beside the demo organisation; a disclosure of 佐藤 花子 reads her rows in both
// and reaches the package, an erasure (started after its dry run) visibly changes them, and a
// person the databases do not hold gets no task on them.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let staff: Actor;
const names = {
  membership: `demo_membership_${randomBytes(4).toString("hex")}`,
  orders: `demo_orders_${randomBytes(4).toString("hex")}`,
};
let mod: {
  seed: typeof import(".");
  demo: typeof import("./demo-databases");
  run: typeof import("@/lib/fulfilment/engine/run-task");
  sql: typeof import("@/lib/fulfilment/engine/connectors/sql");
  items: typeof import("@/lib/fulfilment/package/item-source");
  boss: typeof import("@/lib/jobs/boss");
};
let membership: mysql.Connection;
let orders: pg.Client;

const options = () => ({
  mysqlAdminUrl: MARIADB_ADMIN_URL,
  postgresAdminUrl: testDb.url,
  names,
  masterKey: parseMasterKey(process.env.MASTER_KEY),
});

async function fulfil(email: string, type: RequestType, details: object) {
  const subject = await db.subject.findFirstOrThrow({ where: { email } });
  const request = await verifiedRequest(db, {
    subjectId: subject.id,
    type,
    details,
    actor: staff,
  });
  const tasks = await db.fulfilmentTask.findMany({
    where: { requestId: request.id, system: { key: { in: ["membership", "orders"] } } },
    include: { system: { select: { key: true } } },
  });
  for (const task of tasks) {
    // Staff start a held change after its dry run (lib/data/fulfilment/start-task.ts).
    await db.fulfilmentTask.update({ where: { id: task.id }, data: { awaitingStart: false } });
    await mod.run.runTask(db, { taskId: task.id, retryCount: 0, retryLimit: 3 });
  }
  const done = await db.fulfilmentTask.findMany({
    where: { id: { in: tasks.map((t) => t.id) } },
    include: { system: { select: { key: true } } },
  });
  return { request, tasks: done };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  mod = {
    seed: await import("."),
    demo: await import("./demo-databases"),
    run: await import("@/lib/fulfilment/engine/run-task"),
    sql: await import("@/lib/fulfilment/engine/connectors/sql"),
    items: await import("@/lib/fulfilment/package/item-source"),
    boss: await import("@/lib/jobs/boss"),
  };
  await mod.seed.seedDemo(db);
  expect(await mod.demo.seedDemoDatabases(db, options())).toEqual({
    membership: true,
    orders: true,
  });
  membership = await mysql.createConnection(`${MARIADB_ADMIN_URL}/${names.membership}`);
  const url = new URL(testDb.url);
  url.pathname = `/${names.orders}`;
  orders = new pg.Client({ connectionString: url.toString() });
  await orders.connect();
  const user = await db.user.create({
    data: { email: `${randomUUID()}@staff.example.jp`, role: "STAFF" },
  });
  staff = { userId: user.id, role: "STAFF", email: user.email, ip: "127.0.0.1", passkeyAt: null };
});

afterAll(async () => {
  await membership?.query(`DROP DATABASE IF EXISTS \`${names.membership}\``);
  await membership?.end();
  await orders?.end();
  const admin = new pg.Client({ connectionString: testDb.url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${names.orders}" WITH (FORCE)`);
  await admin.end();
  await (await mod.boss.getBoss()).stop({ graceful: false });
  await db.$disconnect();
  await testDb.drop();
});

describe("the demo's own databases", () => {
  it("registers two SQL systems whose datasets match their live schemas, once", async () => {
    for (const key of ["membership", "orders"]) {
      const system = await db.dataSystem.findUniqueOrThrow({ where: { key } });
      expect(system.connector).toBe("SQL");
      expect(await mod.sql.checkSqlSystem(db, system)).toEqual([]);
    }
    expect(await mod.demo.seedDemoDatabases(db, options())).toEqual({
      membership: false,
      orders: false,
    });
  });

  it("a disclosure of 佐藤 花子 reads both databases, and the package holds what they returned", async () => {
    const details = { scope: "ALL", categoryKeys: [], method: "JSON", postalAddress: "" };
    const { request, tasks } = await fulfil("hanako.sato@example.jp", "DISCLOSURE", details);
    expect(tasks.map((t) => [t.system.key, t.status]).sort()).toEqual([
      ["membership", "SUCCEEDED"],
      ["orders", "SUCCEEDED"],
    ]);
    const scope = await mod.items.resolveItemScope(db, { ...request, details }, "ja");
    const values = await db.$transaction(async (tx) => {
      const out: string[] = [];
      for await (const batch of mod.items.iterateItems(tx, scope))
        out.push(...batch.map((i) => i.value));
      return out;
    });
    expect(values).toEqual(
      expect.arrayContaining(["GOLD", "トラベルバッグ（M）", "いつもありがとう", "12800.00"]),
    );
    // Another member's rows are not hers.
    expect(values).not.toContain("神奈川県横浜市西区みなとみらい三丁目6番1号");
  });

  it("an erasure changes her rows in both, keeps what the law keeps, and nobody else's", async () => {
    const { tasks } = await fulfil("hanako.sato@example.jp", "SUSPENSION_ERASURE", {
      action: "ERASE",
      purposeKeys: [],
      erasureScope: "ALL",
      categoryKeys: [],
      ground: "NO_LONGER_NEEDED",
      groundText: "",
      previewConfirmed: true,
    });
    expect(tasks.map((t) => t.status)).toEqual(["SUCCEEDED", "SUCCEEDED"]);
    const [members] = await membership.query(
      "SELECT email, full_name, phone, card_rank FROM members ORDER BY id",
    );
    expect((members as Record<string, string | null>[]).slice(0, 2)).toEqual([
      { email: "erased-1@invalid", full_name: null, phone: null, card_rank: "GOLD" },
      {
        email: "misaki.takahashi@example.jp",
        full_name: "高橋 美咲",
        phone: "080-1357-2468",
        card_rank: "SILVER",
      },
    ]);
    const shipped = await orders.query<{ id: number; ship_address: string | null; total: string }>(
      "SELECT id, ship_address, total FROM orders ORDER BY id",
    );
    expect(shipped.rows.map((r) => [r.id, r.ship_address, r.total])).toEqual([
      [5001, null, "4980.00"],
      [5002, null, "12800.00"],
      [5003, "神奈川県横浜市西区みなとみらい三丁目6番1号", "2300.00"],
      [5004, "大阪府大阪市北区梅田一丁目1番3号", "760.00"],
    ]);
  });

  it("a person the databases do not hold gets no task on them", async () => {
    const details = { scope: "ALL", categoryKeys: [], method: "JSON", postalAddress: "" };
    const { tasks } = await fulfil("ichiro.suzuki@example.jp", "DISCLOSURE", details);
    expect(tasks).toEqual([]);
  });
});
