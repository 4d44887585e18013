import mysql from "mysql2/promise";
import pg from "pg";
import { stringify } from "yaml";

import type { Db as AppDb } from "@/lib/db";
import { sealSecret } from "@/lib/storage/envelope";

// The demo organisation's own databases (issue 18), reached by the SQL connector: a MariaDB
// "membership" database (the membership card's register) and a PostgreSQL "orders" database (the
// online shop's orders), each a real database on this machine's servers, with rows for 佐藤 花子
// and for people the portal does not know. Both find a person by the membership number only
// (`externalId`), which the portal holds for 佐藤 花子 and 高橋 美咲: a disclosure of theirs reads
// both databases, an erasure changes their rows (after staff's dry run), and nobody else's request
// reaches them. Seeded after the demo organisation (seedDemo), only where the servers answer; the
// embedded demo keeps its own systems. Running it again changes nothing once the systems exist.

export interface DemoDatabaseOptions {
  /** MariaDB/MySQL as an administrator, without a database (mysql://root@127.0.0.1:3306). */
  mysqlAdminUrl?: string | null;
  /** PostgreSQL as an administrator (any database of the server). */
  postgresAdminUrl?: string | null;
  /** The databases' names: one pair per portal database sharing the servers. */
  names?: { membership: string; orders: string };
  masterKey: Buffer;
}

type Db = Pick<
  AppDb,
  | "dataSystem"
  | "dataCategory"
  | "purpose"
  | "systemCategoryPurpose"
  | "subject"
  | "subjectExternalId"
  | "dataField"
>;

/** The membership numbers of the demo people these databases hold, by their email. */
export const MEMBER_NUMBERS: Record<string, string> = {
  "hanako.sato@example.jp": "SL-00031842",
  "misaki.takahashi@example.jp": "SL-00047715",
};

const MEMBERS = [
  ["SL-00031842", "hanako.sato@example.jp", "佐藤 花子", "090-2468-1357", "1990-04-12", "GOLD"],
  [
    "SL-00047715",
    "misaki.takahashi@example.jp",
    "高橋 美咲",
    "080-1357-2468",
    "1995-08-30",
    "SILVER",
  ],
  ["SL-00050001", "kenta.mori@example.jp", "森 健太", "070-1111-2222", "1988-01-20", "REGULAR"],
  ["SL-00050002", "yui.ishikawa@example.jp", "石川 結衣", null, "2001-06-05", "REGULAR"],
] as const;

const ORDERS = [
  // id, member, ordered_at, ship_address, total
  [
    5001,
    "SL-00031842",
    "2026-05-18",
    "東京都世田谷区桜新町二丁目8番3号 サクラハイツ305",
    "4980.00",
  ],
  [
    5002,
    "SL-00031842",
    "2026-09-02",
    "東京都世田谷区桜新町二丁目8番3号 サクラハイツ305",
    "12800.00",
  ],
  [5003, "SL-00047715", "2026-07-11", "神奈川県横浜市西区みなとみらい三丁目6番1号", "2300.00"],
  [5004, "SL-00050001", "2026-08-24", "大阪府大阪市北区梅田一丁目1番3号", "760.00"],
] as const;

const ORDER_ITEMS = [
  [1, 5001, "ハンドクリーム 3本セット", "いつもありがとう"],
  [2, 5002, "トラベルバッグ（M）", null],
  [3, 5002, "ネックピロー", null],
  [4, 5003, "旅行ガイドブック 北海道", null],
  [5, 5004, "日焼け止め", null],
] as const;

const MEMBERSHIP_DATASET = {
  engine: "mysql",
  tables: [
    {
      name: "members",
      primaryKey: "id",
      identity: [{ column: "member_no", match: "externalId" }],
      columns: [
        { name: "member_no", category: "member_id", erase: { strategy: "hash" } },
        {
          name: "email",
          category: "email",
          erase: { strategy: "mask", value: "erased-{row}@invalid" },
        },
        { name: "full_name", field: "name", category: "name", erase: { strategy: "set_null" } },
        { name: "phone", category: "phone", erase: { strategy: "set_null" } },
        { name: "birth_date", category: "birth_date", erase: { strategy: "set_null" } },
        {
          name: "card_rank",
          category: "usage_record",
          erase: {
            strategy: "keep",
            reason: "会員規約に基づき、退会処理の完了まで会員区分を保持します",
          },
        },
      ],
    },
  ],
  stopUse: { table: "members", column: "mail_opt_out", value: "1" },
};

const ORDERS_DATASET = {
  engine: "postgresql",
  tables: [
    {
      name: "customers",
      primaryKey: "id",
      identity: [{ column: "member_no", match: "externalId" }],
      columns: [
        { name: "member_no", category: "member_id", disclose: false, erase: { strategy: "hash" } },
        {
          name: "email",
          category: "email",
          erase: { strategy: "mask", value: "erased-{row}@invalid" },
        },
        { name: "name", category: "name", erase: { strategy: "set_null" } },
      ],
    },
    {
      name: "orders",
      primaryKey: "id",
      join: { parent: "customers", column: "customer_id", parentColumn: "id" },
      columns: [
        {
          name: "ordered_at",
          category: "purchase_history",
          erase: { strategy: "keep", reason: "法人税法により取引記録を7年間保存します" },
        },
        {
          name: "total",
          category: "purchase_history",
          erase: { strategy: "keep", reason: "法人税法により取引記録を7年間保存します" },
        },
        {
          name: "ship_address",
          field: "shipping_address",
          category: "address",
          erase: { strategy: "set_null" },
        },
      ],
    },
    {
      name: "order_items",
      primaryKey: "id",
      join: { parent: "orders", column: "order_id", parentColumn: "id" },
      columns: [
        {
          name: "product",
          category: "purchase_history",
          erase: { strategy: "keep", reason: "法人税法により取引記録を7年間保存します" },
        },
        { name: "gift_message", category: "purchase_history", erase: { strategy: "set_null" } },
      ],
    },
  ],
};

const FIELD_LABELS = {
  membership: [
    ["member_no", "会員番号", "Membership number"],
    ["email", "メールアドレス", "Email address"],
    ["name", "氏名", "Name"],
    ["phone", "電話番号", "Phone number"],
    ["birth_date", "生年月日", "Date of birth"],
    ["card_rank", "会員ランク", "Membership rank"],
  ],
  orders: [
    ["email", "メールアドレス", "Email address"],
    ["name", "氏名", "Name"],
    ["ordered_at", "注文日", "Order date"],
    ["total", "注文金額", "Order total"],
    ["shipping_address", "お届け先住所", "Shipping address"],
    ["product", "商品", "Product"],
    ["gift_message", "ギフトメッセージ", "Gift message"],
  ],
} as const;

const SYSTEMS = {
  membership: {
    nameJa: "会員データベース（会員証）",
    nameEn: "Membership database (cards)",
    descriptionJa: "会員証の登録情報（MariaDB）。会員番号で本人を探します。",
    descriptionEn: "The membership card register (MariaDB), searched by membership number.",
    purposes: ["service_operation", "ads"],
    dataset: MEMBERSHIP_DATASET,
  },
  orders: {
    nameJa: "通販注文データベース",
    nameEn: "Online shop orders database",
    descriptionJa: "オンラインショップの注文と配送先（PostgreSQL）。会員番号で本人を探します。",
    descriptionEn:
      "The online shop's orders and shipping addresses (PostgreSQL), by membership number.",
    purposes: ["service_operation"],
    dataset: ORDERS_DATASET,
  },
} as const;

async function reachable(check: () => Promise<void>): Promise<boolean> {
  try {
    await check();
    return true;
  } catch {
    return false;
  }
}

/** Creates the membership database on MariaDB with its rows; its connection URL. */
async function membershipDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = await mysql.createConnection({ uri: adminUrl, connectTimeout: 3000 });
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
    await admin.query(`USE \`${name}\``);
    await admin.query(`CREATE TABLE members (
      id INT PRIMARY KEY AUTO_INCREMENT, member_no VARCHAR(64) NOT NULL UNIQUE,
      email VARCHAR(200) NOT NULL, full_name VARCHAR(100), phone VARCHAR(30), birth_date DATE,
      card_rank VARCHAR(20) NOT NULL, mail_opt_out SMALLINT NOT NULL DEFAULT 0)`);
    for (const row of MEMBERS)
      await admin.query(
        "INSERT INTO members (member_no, email, full_name, phone, birth_date, card_rank) VALUES (?, ?, ?, ?, ?, ?)",
        [...row],
      );
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates the orders database on PostgreSQL with its rows; its connection URL. */
async function ordersDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`CREATE TABLE customers (
      id SERIAL PRIMARY KEY, member_no VARCHAR(64) NOT NULL UNIQUE, email VARCHAR(200) NOT NULL,
      name VARCHAR(100))`);
    await client.query(`CREATE TABLE orders (
      id INT PRIMARY KEY, customer_id INT NOT NULL REFERENCES customers(id), ordered_at DATE NOT NULL,
      total NUMERIC(10,2) NOT NULL, ship_address VARCHAR(200))`);
    await client.query(`CREATE TABLE order_items (
      id INT PRIMARY KEY, order_id INT NOT NULL REFERENCES orders(id), product VARCHAR(100) NOT NULL,
      gift_message VARCHAR(200))`);
    for (const [memberNo, email, fullName] of MEMBERS)
      await client.query("INSERT INTO customers (member_no, email, name) VALUES ($1, $2, $3)", [
        memberNo,
        email,
        fullName,
      ]);
    for (const [id, memberNo, orderedAt, address, total] of ORDERS)
      await client.query(
        `INSERT INTO orders (id, customer_id, ordered_at, total, ship_address)
         SELECT $1, id, $3, $4, $5 FROM customers WHERE member_no = $2`,
        [id, memberNo, orderedAt, total, address],
      );
    for (const row of ORDER_ITEMS)
      await client.query(
        "INSERT INTO order_items (id, order_id, product, gift_message) VALUES ($1, $2, $3, $4)",
        [...row],
      );
  } finally {
    await client.end();
  }
  return url.toString();
}

/** Registers one database as a data system of the demo organisation, with its data map. */
async function register(
  db: Db,
  key: keyof typeof SYSTEMS,
  url: string,
  masterKey: Buffer,
): Promise<void> {
  const spec = SYSTEMS[key];
  const system = await db.dataSystem.create({
    data: {
      key,
      nameJa: spec.nameJa,
      nameEn: spec.nameEn,
      descriptionJa: spec.descriptionJa,
      descriptionEn: spec.descriptionEn,
      connector: "SQL",
      // As a manager's save stores it (lib/data/data-map/config/sql-dataset.ts): the dataset
      // and its YAML, which the settings page shows.
      config: { ...spec.dataset, source: stringify(spec.dataset) },
    },
  });
  await db.dataSystem.update({
    where: { id: system.id },
    data: { connectionSecret: sealSecret({ plaintext: url, masterKey, binding: system.id }) },
  });
  const categoryKeys = [
    ...new Set(spec.dataset.tables.flatMap((t) => t.columns.map((c) => c.category))),
  ];
  const [categories, purposes] = await Promise.all([
    db.dataCategory.findMany({ where: { key: { in: categoryKeys } }, select: { id: true } }),
    db.purpose.findMany({ where: { key: { in: [...spec.purposes] } }, select: { id: true } }),
  ]);
  await db.systemCategoryPurpose.createMany({
    data: categories.flatMap((c) =>
      purposes.map((p) => ({ systemId: system.id, categoryId: c.id, purposeId: p.id })),
    ),
  });
  await db.dataField.createMany({
    data: FIELD_LABELS[key].map(([field, labelJa, labelEn]) => ({
      systemId: system.id,
      key: field,
      labelJa,
      labelEn,
    })),
  });
  const people = await db.subject.findMany({
    where: { email: { in: Object.keys(MEMBER_NUMBERS) } },
    select: { id: true, email: true },
  });
  await db.subjectExternalId.createMany({
    data: people.map((p) => ({
      subjectId: p.id,
      systemId: system.id,
      externalId: MEMBER_NUMBERS[p.email!]!,
    })),
  });
}

/**
 * Creates the demo's membership (MariaDB) and orders (PostgreSQL) databases where their servers
 * answer, and registers them as SQL systems. Says which were created; a system that exists
 * already is left as it is (its database may hold a demo erasure's changes).
 */
export async function seedDemoDatabases(
  db: Db,
  options: DemoDatabaseOptions,
): Promise<{ membership: boolean; orders: boolean }> {
  const names = options.names ?? { membership: "dsar_demo_membership", orders: "dsar_demo_orders" };
  const exists = async (key: string) => (await db.dataSystem.count({ where: { key } })) > 0;
  const created = { membership: false, orders: false };
  const { mysqlAdminUrl, postgresAdminUrl } = options;
  if (
    mysqlAdminUrl &&
    !(await exists("membership")) &&
    (await reachable(async () => {
      const probe = await mysql.createConnection({ uri: mysqlAdminUrl, connectTimeout: 2000 });
      await probe.end();
    }))
  ) {
    const url = await membershipDatabase(mysqlAdminUrl, names.membership);
    await register(db, "membership", url, options.masterKey);
    created.membership = true;
  }
  if (postgresAdminUrl && !(await exists("orders"))) {
    const url = await ordersDatabase(postgresAdminUrl, names.orders);
    await register(db, "orders", url, options.masterKey);
    created.orders = true;
  }
  return created;
}
