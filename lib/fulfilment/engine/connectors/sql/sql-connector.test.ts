import { createHmac } from "node:crypto";

import { afterAll, beforeEach, describe, expect, it } from "vitest";

import { parseOutboundAllow } from "@/lib/http/outbound";

import { type TaskFailure } from "../../failure";
import { ZSqlDataset, type TSqlDataset } from "./dataset";
import { openSqlSession, sqlFailure, type Engine, type SqlSession } from "./driver";
import { problemText } from "./schema";
import { hashKey, planSqlTask, runSqlTask, type SqlTaskInput } from "./sql-connector";
import { createTargetDb, SHOP_DATASET as SHOP, type Shop, type TargetDb } from "./test-targets";

// Integration: the SQL connector against the machine's real PostgreSQL and MariaDB, each with a
// fresh membership-shop database (members → orders → order_items) — access with joins, a
// correction, every erasure strategy, the dry run, stop-use, and the failures that must stop a
// task before anything changes or roll it back.

const ALLOW = parseOutboundAllow("127.0.0.1");
const MASTER_KEY = Buffer.alloc(32, 7);

const dataset = (engine: Engine, change: (d: Shop) => unknown = (d) => d): TSqlDataset =>
  ZSqlDataset.parse(change(structuredClone({ ...SHOP, engine })));

const HANAKO: SqlTaskInput["person"] = {
  email: "hanako.sato@example.jp",
  phone: null,
  externalIds: [],
};

function input(
  d: TSqlDataset,
  action: SqlTaskInput["action"],
  details: SqlTaskInput["details"] = { scope: "ALL", categoryKeys: [] },
  person = HANAKO,
): SqlTaskInput {
  return {
    systemId: "sys_shop",
    systemKey: "shop",
    dataset: d,
    person,
    action,
    details,
    masterKey: MASTER_KEY,
  };
}

async function failureOf(work: Promise<unknown>): Promise<TaskFailure> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the task failed").not.toBeNull();
  return sqlFailure(error);
}

const ENGINES: Engine[] = ["postgresql", "mysql"];

describe.each(ENGINES)("the SQL connector on %s", (engine) => {
  let target: TargetDb;
  let session: SqlSession;
  const open = (url = target.url, statementTimeoutMs = 5_000) =>
    openSqlSession({ engine, url, statementTimeoutMs, allow: ALLOW });
  /** The whole shop, to show nothing changed. */
  const snapshot = async () => ({
    members: await target.rows("SELECT * FROM members ORDER BY id"),
    orders: await target.rows("SELECT * FROM orders ORDER BY id"),
    items: await target.rows("SELECT * FROM order_items ORDER BY id"),
  });

  beforeEach(async () => {
    await session?.close();
    await target?.drop();
    target = await createTargetDb(engine);
    session = await open();
  });
  afterAll(async () => {
    await session?.close();
    await target?.drop();
  });

  it("discloses the person's rows with their related rows, by email in any case or by member number", async () => {
    const result = await runSqlTask(session, input(dataset(engine), "EXPORT"));
    const items = result.items!.map((i) => [i.field, i.categoryKey, i.value]);
    expect(items).toEqual([
      ["member_no", "identity", "M-0001"],
      ["email", "contact", "Hanako.Sato@example.jp"],
      ["name", "identity", "佐藤 花子"],
      ["phone", "contact", "090-1234-5678"],
      ["birth_date", "identity", "1990-04-01"],
      ["ordered_at", "purchase", "2026-01-15"],
      ["shipping_address", "contact", "東京都千代田区1-1"],
      ["total", "purchase", "1200.00"],
      ["ordered_at", "purchase", "2026-03-02"],
      ["shipping_address", "contact", "東京都千代田区1-1"],
      ["total", "purchase", "560.50"],
      ["product", "purchase", "緑茶"],
      ["gift_message", "message", "お誕生日おめでとう"],
      ["product", "purchase", "湯呑み"],
      ["product", "purchase", "急須"],
    ]);
    expect(result.itemCount).toBe(15);
    // Refs are unique per item, numbered where a field repeats.
    expect(new Set(result.items!.map((i) => i.ref)).size).toBe(15);
    expect(result.items!.map((i) => i.ref)).toContain("shop:total#2");
    // The same person by their member number alone.
    const byId = await runSqlTask(
      session,
      input(dataset(engine), "EXPORT", undefined, {
        email: null,
        phone: null,
        externalIds: ["M-0001"],
      }),
    );
    expect(byId.itemCount).toBe(15);
    // Someone the shop does not know: nothing, and no failure.
    const stranger = await runSqlTask(
      session,
      input(dataset(engine), "EXPORT", undefined, {
        email: "nobody@example.jp",
        phone: null,
        externalIds: [],
      }),
    );
    expect(stranger).toEqual({ items: [], itemCount: 0 });
  });

  it("limits a disclosure to the categories asked for", async () => {
    const result = await runSqlTask(
      session,
      input(dataset(engine), "EXPORT", { scope: "SELECTED", categoryKeys: ["contact"] }),
    );
    expect(result.items!.map((i) => i.field)).toEqual([
      "email",
      "phone",
      "shipping_address",
      "shipping_address",
    ]);
  });

  it("stops, changing nothing, when the identity matches more than one person", async () => {
    const before = await snapshot();
    const shared = { email: "shared@example.jp", phone: null, externalIds: [] };
    const failure = await failureOf(
      runSqlTask(session, input(dataset(engine), "ERASE", undefined, shared)),
    );
    expect([failure.code, failure.detail]).toEqual(["identity_ambiguous", "members"]);
    expect(failure.retryable).toBe(false);
    expect(await snapshot()).toEqual(before);
    // The dry run says so instead of listing rows.
    const plan = await planSqlTask(session, input(dataset(engine), "ERASE", undefined, shared));
    expect(plan.problems).toEqual([{ at: "members", kind: "ambiguous" }]);
  });

  it("corrects the approved fields in one transaction, and a repeat changes nothing", async () => {
    const corrections = [
      {
        action: "CORRECT" as const,
        categoryKey: "identity",
        field: "name",
        correctedValue: "佐藤 はなこ",
      },
      { action: "DELETE" as const, categoryKey: "contact", field: "phone", correctedValue: "" },
    ];
    const result = await runSqlTask(session, input(dataset(engine), "CORRECT", { corrections }));
    expect(
      result.changes!.map((c) => [c.field, c.action, c.before, c.after, !!c.alreadyApplied]),
    ).toEqual([
      ["name", "CORRECT", "佐藤 花子", "佐藤 はなこ", false],
      ["phone", "DELETE", "090-1234-5678", null, false],
    ]);
    expect(await target.rows("SELECT name, phone FROM members WHERE id = 1")).toEqual([
      { name: "佐藤 はなこ", phone: null },
    ]);
    const again = await runSqlTask(session, input(dataset(engine), "CORRECT", { corrections }));
    expect(again.changes!.every((c) => c.alreadyApplied)).toBe(true);

    // A field the dataset does not have, after one it has: neither is applied.
    const before = await snapshot();
    const failure = await failureOf(
      runSqlTask(
        session,
        input(dataset(engine), "CORRECT", {
          corrections: [
            { action: "CORRECT", categoryKey: "identity", field: "name", correctedValue: "別人" },
            { action: "CORRECT", categoryKey: "identity", field: "nickname", correctedValue: "x" },
          ],
        }),
      ),
    );
    expect([failure.code, failure.detail]).toEqual(["correction_field", "nickname"]);
    expect(await snapshot()).toEqual(before);
    // A field in many rows (two orders) is not one value to correct.
    const many = await failureOf(
      runSqlTask(
        session,
        input(dataset(engine), "CORRECT", {
          corrections: [
            {
              action: "CORRECT",
              categoryKey: "contact",
              field: "shipping_address",
              correctedValue: "x",
            },
          ],
        }),
      ),
    );
    expect([many.code, many.detail]).toEqual(["correction_rows", "shipping_address=2"]);
  });

  it("erases by each column's strategy, children first, and reports what the law keeps", async () => {
    const result = await runSqlTask(session, input(dataset(engine), "ERASE"));
    // Masked with the row's key, set to NULL, hashed under the system's key; the order dates kept.
    expect(
      await target.rows(
        "SELECT id, member_no, email, name, phone, birth_date FROM members ORDER BY id",
      ),
    ).toEqual([
      {
        id: "1",
        member_no: "M-0001",
        email: "erased-1@invalid",
        name: null,
        phone: null,
        birth_date: null,
      },
      {
        id: "2",
        member_no: "M-0002",
        email: "ichiro@example.jp",
        name: "鈴木 一郎",
        phone: null,
        birth_date: null,
      },
      {
        id: "3",
        member_no: "M-0003",
        email: "shared@example.jp",
        name: "共有 一",
        phone: null,
        birth_date: null,
      },
      {
        id: "4",
        member_no: "M-0004",
        email: "shared@example.jp",
        name: "共有 二",
        phone: null,
        birth_date: null,
      },
    ]);
    expect(await target.rows("SELECT id, ordered_at, address FROM orders ORDER BY id")).toEqual([
      { id: "10", ordered_at: "2026-01-15", address: null },
      { id: "11", ordered_at: "2026-03-02", address: null },
      { id: "12", ordered_at: "2026-02-01", address: "大阪府大阪市2-2" },
    ]);
    const hashed = createHmac("sha256", hashKey(MASTER_KEY, "sys_shop"))
      .update("お誕生日おめでとう")
      .digest("hex");
    expect(await target.rows("SELECT id, gift_message FROM order_items ORDER BY id")).toEqual([
      { id: "100", gift_message: hashed },
      { id: "101", gift_message: null },
      { id: "102", gift_message: null },
      { id: "103", gift_message: null },
    ]);
    // email, name, phone, birth_date; two addresses; one gift message.
    expect(result.erased).toBe(7);
    expect(result.kept!.map((k) => [k.field, k.reason, k.reasonCode])).toEqual([
      ["ordered_at", "商法により10年間保存します", "LEGAL_HOLD"],
      ["ordered_at", "商法により10年間保存します", "LEGAL_HOLD"],
    ]);
    // Erased, she is no longer found by her email.
    expect((await runSqlTask(session, input(dataset(engine), "EXPORT"))).itemCount).toBe(0);
  });

  it("deletes rows in dependency order, and rolls the whole erasure back when the database refuses a part", async () => {
    const deleting = dataset(engine, (d) => {
      for (const table of d.tables)
        (table.columns[0] as { erase?: unknown }).erase = { strategy: "delete_row" };
      d.tables[1]!.columns[0]!.erase = { strategy: "delete_row" };
      return d;
    });
    const result = await runSqlTask(session, input(deleting, "ERASE"));
    expect(await target.rows("SELECT id FROM members ORDER BY id")).toEqual([
      { id: "2" },
      { id: "3" },
      { id: "4" },
    ]);
    expect(await target.rows("SELECT id FROM orders ORDER BY id")).toEqual([{ id: "12" }]);
    expect(await target.rows("SELECT id FROM order_items ORDER BY id")).toEqual([{ id: "103" }]);
    // Every mapped value of the rows deleted: 6 of hers, 3 per order, 4 in the items.
    expect(result.erased).toBe(6 + 6 + 4);

    // 一郎 has a review, which the dataset does not know: his orders are deleted first, then the
    // database refuses to delete him; nothing of it stays done.
    const before = await snapshot();
    const ichiro = { email: "ichiro@example.jp", phone: null, externalIds: [] };
    const failure = await failureOf(
      runSqlTask(session, input(deleting, "ERASE", undefined, ichiro)),
    );
    expect(failure.code).toBe("db_constraint");
    expect(failure.retryable).toBe(false);
    expect(await snapshot()).toEqual(before);
  });

  it("dry-runs an erasure: the rows and columns it would touch and how, changing nothing", async () => {
    const before = await snapshot();
    const plan = await planSqlTask(session, input(dataset(engine), "ERASE"));
    expect(plan.problems).toEqual([]);
    expect(
      plan.tables.map((t) => ({
        table: t.table,
        rows: t.rows,
        keys: t.rowKeys,
        columns: t.columns.map((c) => `${c.column}:${c.operation}`),
      })),
    ).toEqual([
      {
        table: "members",
        rows: 1,
        keys: ["1"],
        columns: ["email:mask", "name:set_null", "phone:set_null", "birth_date:set_null"],
      },
      {
        table: "orders",
        rows: 2,
        keys: ["10", "11"],
        columns: ["ordered_at:keep", "address:set_null"],
      },
      {
        table: "order_items",
        rows: 3,
        keys: ["100", "101", "102"],
        columns: ["gift_message:hash"],
      },
    ]);
    const access = await planSqlTask(session, input(dataset(engine), "EXPORT"));
    expect(access.tables[0]!.columns.map((c) => c.column)).toEqual([
      "member_no",
      "email",
      "name",
      "phone",
      "birth_date",
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("sets the stop-use flag on the person's rows", async () => {
    const result = await runSqlTask(session, input(dataset(engine), "RESTRICT"));
    expect(result).toEqual({ restrictions: 1 });
    expect(await target.rows("SELECT id, marketing_stopped FROM members ORDER BY id")).toEqual([
      { id: "1", marketing_stopped: "1" },
      { id: "2", marketing_stopped: "0" },
      { id: "3", marketing_stopped: "0" },
      { id: "4", marketing_stopped: "0" },
    ]);
    expect(await runSqlTask(session, input(dataset(engine), "RESTRICT"))).toEqual({
      restrictions: 0,
    });
    const without = dataset(engine, (d) => ({ ...d, stopUse: undefined }));
    expect((await failureOf(runSqlTask(session, input(without, "RESTRICT")))).code).toBe(
      "not_supported",
    );
  });

  it("checks the dataset against the database before touching anything", async () => {
    const before = await snapshot();
    const cases: [(d: Shop) => unknown, string][] = [
      [(d) => ((d.tables[2]!.name = "line_items"), d), "line_items noTable"],
      [(d) => ((d.tables[1]!.columns[1]!.name = "street"), d), "orders.street noColumn"],
      [
        (d) => ((d.tables[0]!.columns[1]!.erase = { strategy: "set_null" }), d),
        "members.email notNullable",
      ],
      [
        (d) => ((d.tables[0]!.columns[5]!.erase = { strategy: "hash" }), d),
        "members.code hashTooShort 8",
      ],
    ];
    for (const [change, problem] of cases) {
      const broken = dataset(engine, change);
      const failure = await failureOf(runSqlTask(session, input(broken, "ERASE")));
      expect([failure.code, failure.detail]).toEqual(["dataset_mismatch", problem]);
      expect(
        (await planSqlTask(session, input(broken, "ERASE"))).problems.map(problemText),
      ).toContain(problem);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("discloses with read-only credentials, and an access-only dataset never writes", async () => {
    const reader = await open(await target.readOnlyUrl());
    try {
      expect((await runSqlTask(reader, input(dataset(engine), "EXPORT"))).itemCount).toBe(15);
      // A dataset that is not marked access-only, on read-only credentials: refused, nothing changed.
      const before = await snapshot();
      const denied = await failureOf(runSqlTask(reader, input(dataset(engine), "ERASE")));
      expect(denied.code).toBe("db_denied");
      expect(await snapshot()).toEqual(before);
    } finally {
      await reader.close();
    }
    const accessOnly = dataset(engine, (d) => ({ ...d, accessOnly: true }));
    expect((await failureOf(runSqlTask(session, input(accessOnly, "ERASE")))).code).toBe(
      "access_only",
    );
  });

  it("names why it could not connect or run: refused address, no server, wrong user, a slow statement", async () => {
    const refused = await failureOf(
      openSqlSession({ engine, url: target.url, statementTimeoutMs: 1000, allow: null }),
    );
    expect(refused.code).toBe("refused_address");
    const closed = new URL(target.url);
    closed.port = "1";
    const down = await failureOf(open(closed.toString()));
    expect([down.code, down.retryable]).toEqual(["db_unreachable", true]);
    if (engine === "mysql") {
      const stranger = new URL(target.url);
      stranger.username = "nobody_here";
      expect((await failureOf(open(stranger.toString()))).code).toBe("db_auth");
    }
    const slow = await open(target.url, 300);
    try {
      const sleep =
        engine === "postgresql" ? "SELECT pg_sleep(3)" : "SELECT SLEEP(3) AS s FROM members";
      const timedOut = await failureOf(slow.query(sleep));
      expect([timedOut.code, timedOut.retryable]).toEqual(["db_timeout", true]);
    } finally {
      await slow.close();
    }
    const other =
      engine === "postgresql"
        ? target.url.replace(/^postgresql/, "mysql")
        : `postgresql://x@127.0.0.1/y`;
    expect((await failureOf(open(other))).code).toBe("bad_config");
  });
});

describe("a dataset's own consistency", () => {
  it("refuses what cannot work whatever the database", () => {
    const problems = (change: (d: Shop) => unknown) => {
      const parsed = ZSqlDataset.safeParse(change(structuredClone(SHOP)));
      return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
    };
    expect(problems((d) => d)).toEqual([]);
    expect(problems((d) => ((d.tables[1]!.join!.parent = "customers"), d))).toContain(
      "settingsSql.errors.unknownParent",
    );
    expect(problems((d) => ((d.tables[0]!.name = "drop table x"), d))).toContain(
      "settingsSql.errors.identifier",
    );
    expect(problems((d) => ((d.tables[1]!.columns[2]!.field = "name"), d))).toContain(
      "settingsSql.errors.duplicateField",
    );
    // Members deleted while their orders are kept would leave orders pointing at nobody.
    expect(
      problems((d) => ((d.tables[0]!.columns[0]!.erase = { strategy: "delete_row" }), d)),
    ).toContain("settingsSql.errors.orphanRows");
    expect(
      problems((d) => {
        d.tables[0]!.join = { parent: "order_items", column: "id", parentColumn: "id" };
        return d;
      }),
    ).toContain("settingsSql.errors.identityOrJoin");
  });
});
