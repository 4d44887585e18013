import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import type { RequestType } from "@/lib/generated/prisma/enums";
import { parseMasterKey, sealSecret } from "@/lib/storage/envelope";
import { createTestDatabase } from "@/scripts/lib/test-database";

import type { TaskResult } from "../../types";
import { createTargetDb, SHOP_DATASET, type TargetDb } from "./test-targets";

// Integration: SQL systems in the fulfilment engine, on the real PostgreSQL (the portal's own
// database and an "orders" database) and MariaDB (a "membership" database): a verified request
// fans out to each database, the runner reads the sealed connection and the dataset, and the
// rows change (or not) as the task says; a failure is stored with its reason and retried only
// when another attempt may cure it.

let app: { url: string; drop: () => Promise<void> };
let db: Db;
let targets: Record<"membership" | "orders", TargetDb>;
let mod: {
  fanOut: typeof import("../../fan-out");
  run: typeof import("../../run-task");
  boss: typeof import("@/lib/jobs/boss");
  dryRun: typeof import("@/lib/data/fulfilment/dry-run-task");
  start: typeof import("@/lib/data/fulfilment/start-task");
};
const ids: Record<string, string> = {};
let staff: Actor;
const EMAIL = "hanako.sato@example.jp";
/** The reference of the last request made. */
let reference = "";

async function sqlSystem(key: string, target: TargetDb, dataset: object, url = target.url) {
  const system = await db.dataSystem.create({
    data: {
      key,
      nameJa: key,
      nameEn: key,
      connector: "SQL",
      config: { ...dataset, engine: target.engine },
    },
    select: { id: true },
  });
  const masterKey = parseMasterKey(process.env.MASTER_KEY);
  await db.dataSystem.update({
    where: { id: system.id },
    data: { connectionSecret: sealSecret({ plaintext: url, masterKey, binding: system.id }) },
  });
  ids[key] = system.id;
}

async function request(type: RequestType, details: object, email = EMAIL) {
  const subject = await db.subject.create({
    data: { familyName: "佐藤", givenName: "花子", email },
  });
  const created = await db.request.create({
    data: {
      reference: `R-2099-${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`,
      type,
      status: "IN_PROGRESS",
      subjectId: subject.id,
      details,
      dueAt: new Date(Date.now() + 10 * 86_400_000),
    },
    select: { id: true, reference: true },
  });
  reference = created.reference;
  await db.$transaction((tx) =>
    mod.fanOut.fanOutTasks(tx, { requestId: created.id, actor: staff }),
  );
  return db.fulfilmentTask.findMany({
    where: { requestId: created.id },
    include: { system: { select: { key: true } } },
    orderBy: { system: { key: "asc" } },
  });
}

const run = (taskId: string, retryCount = 0) =>
  mod.run.runTask(db, { taskId, retryCount, retryLimit: 3 });
const stored = (id: string) => db.fulfilmentTask.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  const [appDb, membership, orders] = await Promise.all([
    createTestDatabase(),
    createTargetDb("mysql"),
    createTargetDb("postgresql"),
  ]);
  app = appDb;
  targets = { membership, orders };
  process.env.DATABASE_URL = app.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  mod = {
    fanOut: await import("../../fan-out"),
    run: await import("../../run-task"),
    boss: await import("@/lib/jobs/boss"),
    dryRun: await import("@/lib/data/fulfilment/dry-run-task"),
    start: await import("@/lib/data/fulfilment/start-task"),
  };
  const user = await db.user.create({
    data: { email: `${randomUUID()}@staff.example.jp`, role: "STAFF" },
  });
  staff = {
    userId: user.id,
    role: "STAFF",
    email: user.email,
    ip: "127.0.0.1",
    passkeyAt: new Date(),
  };
  await sqlSystem("membership", membership, SHOP_DATASET);
  await sqlSystem("orders", orders, SHOP_DATASET);
});

afterAll(async () => {
  await (await mod.boss.getBoss()).stop({ graceful: false });
  await db.$disconnect();
  await Promise.all([app.drop(), targets.membership.drop(), targets.orders.drop()]);
});

describe("SQL systems in the engine", () => {
  it("a disclosure reaches both databases and stores what each holds", async () => {
    const tasks = await request("DISCLOSURE", { scope: "ALL", categoryKeys: [], method: "JSON" });
    expect(tasks.map((t) => `${t.system.key}:${t.action}`)).toEqual([
      "membership:EXPORT",
      "orders:EXPORT",
    ]);
    for (const task of tasks) {
      expect(await run(task.id)).toBe("succeeded");
      const done = await stored(task.id);
      expect(done.status).toBe("SUCCEEDED");
      const result = done.result as TaskResult;
      expect(result.itemCount).toBe(15);
      expect(result.items!.find((i) => i.field === "name")?.value).toBe("佐藤 花子");
    }
  });

  it("an erasure changes the rows of both databases, and keeps what the law keeps", async () => {
    const tasks = await request("SUSPENSION_ERASURE", {
      action: "ERASE",
      erasureScope: "ALL",
      categoryKeys: [],
    });
    expect(tasks.map((t) => `${t.system.key}:${t.action}`)).toEqual([
      "membership:ERASE",
      "orders:ERASE",
    ]);
    // Each waits for staff: the runner leaves it alone until they have seen its dry run and
    // started it.
    for (const task of tasks) {
      expect(task.awaitingStart).toBe(true);
      expect(await run(task.id)).toBe("skipped");
      const dry = await mod.dryRun.dryRunTask({
        actor: staff,
        input: { reference, taskId: task.id },
      });
      if (!("plan" in dry)) throw new Error("no plan");
      expect(dry.plan.tables.map((t) => [t.table, t.rows])).toEqual([
        ["members", 1],
        ["orders", 2],
        ["order_items", 3],
      ]);
      expect(await targets.orders.rows("SELECT name FROM members WHERE id = 1")).toEqual([
        { name: "佐藤 花子" },
      ]);
      await mod.start.startTask({ actor: staff, input: { reference, taskId: task.id } });
      await expect(
        mod.start.startTask({ actor: staff, input: { reference, taskId: task.id } }),
      ).rejects.toThrow();
      expect(await run(task.id)).toBe("succeeded");
    }
    for (const target of Object.values(targets)) {
      expect(await target.rows("SELECT email, name FROM members WHERE id = 1")).toEqual([
        { email: "erased-1@invalid", name: null },
      ]);
      expect(await target.rows("SELECT address FROM orders WHERE id = 10")).toEqual([
        { address: null },
      ]);
    }
    const result = (await stored(tasks[0]!.id)).result as TaskResult;
    expect(result.erased).toBe(7);
    expect(result.kept).toHaveLength(2);
  });

  it("a failure is stored with its reason: final when another attempt cannot cure it, retried when it may", async () => {
    // Two members share an address: the task stops before anything changes, for good.
    const [ambiguous] = await request(
      "DISCLOSURE",
      { scope: "ALL", categoryKeys: [], method: "JSON" },
      "shared@example.jp",
    );
    expect(await run(ambiguous!.id)).toBe("failed");
    expect(await stored(ambiguous!.id)).toMatchObject({
      status: "FAILED",
      lastError: "identity_ambiguous:members",
    });

    // A database that does not answer: back to PENDING, and the job is retried.
    await sqlSystem(
      "archive",
      targets.orders,
      SHOP_DATASET,
      targets.orders.url.replace(/:\d+\//, ":1/"),
    );
    const tasks = await request("DISCLOSURE", { scope: "ALL", categoryKeys: [], method: "JSON" });
    const archive = tasks.find((t) => t.system.key === "archive")!;
    await expect(run(archive.id)).rejects.toThrow("db_unreachable");
    expect(await stored(archive.id)).toMatchObject({
      status: "PENDING",
      lastError: "db_unreachable",
    });
    // The last attempt: failed, waiting for staff.
    expect(await run(archive.id, 3)).toBe("failed");
    expect((await stored(archive.id)).status).toBe("FAILED");

    // A connection sealed for another system does not open; a dataset that does not parse fails.
    const other = await db.dataSystem.findUniqueOrThrow({
      where: { id: ids.orders! },
      select: { connectionSecret: true },
    });
    await db.dataSystem.update({
      where: { id: ids.archive! },
      data: { connectionSecret: other.connectionSecret },
    });
    const tasks2 = await request("DISCLOSURE", { scope: "ALL", categoryKeys: [], method: "JSON" });
    const archive2 = tasks2.find((t) => t.system.key === "archive")!;
    expect(await run(archive2.id)).toBe("failed");
    expect((await stored(archive2.id)).lastError).toBe("bad_config:secret");
    // A dataset broken after the task was made (a database edit): the task says so. A system
    // without a dataset is not asked at all.
    const tasks3 = await request("DISCLOSURE", { scope: "ALL", categoryKeys: [], method: "JSON" });
    const archive3 = tasks3.find((t) => t.system.key === "archive")!;
    await db.dataSystem.update({
      where: { id: ids.archive! },
      data: { config: { engine: "oracle" } },
    });
    expect(await run(archive3.id)).toBe("failed");
    const tasks4 = await request("DISCLOSURE", { scope: "ALL", categoryKeys: [], method: "JSON" });
    expect(tasks4.map((t) => t.system.key)).toEqual(["membership", "orders"]);
    expect((await stored(archive3.id)).lastError).toBe("bad_config:dataset");
  });
});
