import { randomBytes } from "node:crypto";

import mysql from "mysql2/promise";
import pg from "pg";

import { createTestDatabase } from "@/scripts/lib/test-database";

import type { Engine } from "./driver";

// Test databases for the SQL connector: a membership shop's schema on the machine's real
// PostgreSQL and MariaDB, one fresh database per call, with a way to read rows back and drop it.

/** The machine's MariaDB (DEVELOPERS.md: root, no password). */
export const MARIADB_ADMIN_URL = "mysql://root@127.0.0.1:3306";

export interface TargetDb {
  engine: Engine;
  url: string;
  /** Rows as text, `?` placeholders. */
  rows: (sql: string, params?: unknown[]) => Promise<Record<string, string | null>[]>;
  exec: (sql: string) => Promise<void>;
  /** A user that may only read, and its URL. */
  readOnlyUrl: () => Promise<string>;
  drop: () => Promise<void>;
}

/** The shop: members, their orders and order items, and reviews (outside any dataset). */
export const SHOP_SCHEMA = [
  `CREATE TABLE members (
     id INT PRIMARY KEY, member_no VARCHAR(20) NOT NULL UNIQUE, email VARCHAR(200) NOT NULL,
     name VARCHAR(100), phone VARCHAR(30), birth_date DATE, marketing_stopped SMALLINT NOT NULL DEFAULT 0,
     code VARCHAR(8))`,
  `CREATE TABLE orders (
     id INT PRIMARY KEY, member_id INT NOT NULL, ordered_at DATE NOT NULL, address VARCHAR(200),
     total DECIMAL(10,2) NOT NULL, FOREIGN KEY (member_id) REFERENCES members(id))`,
  `CREATE TABLE order_items (
     id INT PRIMARY KEY, order_id INT NOT NULL, product VARCHAR(100) NOT NULL, gift_message VARCHAR(200),
     FOREIGN KEY (order_id) REFERENCES orders(id))`,
  `CREATE TABLE reviews (
     id INT PRIMARY KEY, member_id INT NOT NULL, body VARCHAR(500) NOT NULL,
     FOREIGN KEY (member_id) REFERENCES members(id))`,
];

export const SHOP_ROWS = [
  `INSERT INTO members (id, member_no, email, name, phone, birth_date, code) VALUES
     (1, 'M-0001', 'Hanako.Sato@example.jp', '佐藤 花子', '090-1234-5678', '1990-04-01', 'A1'),
     (2, 'M-0002', 'ichiro@example.jp', '鈴木 一郎', NULL, NULL, 'B2'),
     (3, 'M-0003', 'shared@example.jp', '共有 一', NULL, NULL, NULL),
     (4, 'M-0004', 'shared@example.jp', '共有 二', NULL, NULL, NULL)`,
  `INSERT INTO orders (id, member_id, ordered_at, address, total) VALUES
     (10, 1, '2026-01-15', '東京都千代田区1-1', 1200.00),
     (11, 1, '2026-03-02', '東京都千代田区1-1', 560.50),
     (12, 2, '2026-02-01', '大阪府大阪市2-2', 99.00)`,
  `INSERT INTO order_items (id, order_id, product, gift_message) VALUES
     (100, 10, '緑茶', 'お誕生日おめでとう'),
     (101, 10, '湯呑み', NULL),
     (102, 11, '急須', NULL),
     (103, 12, '煎餅', NULL)`,
  `INSERT INTO reviews (id, member_id, body) VALUES (1000, 2, 'おいしい')`,
];

export type Shop = {
  engine: string;
  accessOnly?: boolean;
  tables: {
    name: string;
    primaryKey: string;
    identity?: { column: string; match: string }[];
    join?: { parent: string; column: string; parentColumn: string };
    columns: {
      name: string;
      field?: string;
      category: string;
      disclose?: boolean;
      erase?: unknown;
    }[];
  }[];
  stopUse?: { table: string; column: string; value: string };
};

/** A dataset over the shop, with every erasure strategy but delete_row and a stop-use flag. */
export const SHOP_DATASET: Shop = {
  engine: "postgresql",
  tables: [
    {
      name: "members",
      primaryKey: "id",
      identity: [
        { column: "email", match: "email" },
        { column: "member_no", match: "externalId" },
      ],
      columns: [
        { name: "member_no", field: "member_no", category: "identity", disclose: true },
        {
          name: "email",
          category: "contact",
          erase: { strategy: "mask", value: "erased-{row}@invalid" },
        },
        { name: "name", category: "identity", erase: { strategy: "set_null" } },
        { name: "phone", category: "contact", erase: { strategy: "set_null" } },
        { name: "birth_date", category: "identity", erase: { strategy: "set_null" } },
        { name: "code", field: "member_code", category: "identity", disclose: false },
      ],
    },
    {
      name: "orders",
      primaryKey: "id",
      join: { parent: "members", column: "member_id", parentColumn: "id" },
      columns: [
        {
          name: "ordered_at",
          category: "purchase",
          erase: { strategy: "keep", reason: "商法により10年間保存します" },
        },
        {
          name: "address",
          field: "shipping_address",
          category: "contact",
          erase: { strategy: "set_null" },
        },
        { name: "total", category: "purchase" },
      ],
    },
    {
      name: "order_items",
      primaryKey: "id",
      join: { parent: "orders", column: "order_id", parentColumn: "id" },
      columns: [
        { name: "product", category: "purchase" },
        { name: "gift_message", category: "message", erase: { strategy: "hash" } },
      ],
    },
  ],
  stopUse: { table: "members", column: "marketing_stopped", value: "1" },
};

export async function createTargetDb(engine: Engine, load = true): Promise<TargetDb> {
  const db = engine === "postgresql" ? await postgresTarget() : await mariadbTarget();
  if (load) for (const sql of [...SHOP_SCHEMA, ...SHOP_ROWS]) await db.exec(sql);
  return db;
}

async function postgresTarget(): Promise<TargetDb> {
  const created = await createTestDatabase({ prefix: "sqlconn", migrate: false });
  const pool = new pg.Pool({
    connectionString: created.url,
    max: 2,
    // Every value as its text, as the connector reads them.
    types: { getTypeParser: (() => (value: string) => value) as never },
  });
  // Dropping the database (WITH FORCE) ends whatever is still connected to it; an idle client
  // told so must not bring the test process down (a CI run failed its afterAll that way).
  pool.on("error", () => undefined);
  const roles: string[] = [];
  const numbered = (sql: string) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };
  return {
    engine: "postgresql",
    url: created.url,
    rows: async (sql, params = []) =>
      (await pool.query<Record<string, string | null>>(numbered(sql), params)).rows,
    exec: async (sql) => void (await pool.query(sql)),
    readOnlyUrl: async () => {
      const role = `reader_${randomBytes(4).toString("hex")}`;
      roles.push(role);
      await pool.query(`CREATE ROLE ${role} LOGIN`);
      await pool.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role}`);
      const url = new URL(created.url);
      url.username = role;
      return url.toString();
    },
    drop: async () => {
      await pool.end();
      await created.drop();
      const admin = new pg.Client({
        connectionString: new URL("/postgres", created.url).toString(),
      });
      await admin.connect();
      for (const role of roles) await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.end();
    },
  };
}

async function mariadbTarget(): Promise<TargetDb> {
  const name = `sqlconn_${randomBytes(6).toString("hex")}`;
  const admin = await mysql.createConnection(`${MARIADB_ADMIN_URL}/?charset=utf8mb4`);
  await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4`);
  await admin.end();
  const url = `${MARIADB_ADMIN_URL}/${name}`;
  const pool = mysql.createPool({
    uri: `${url}?charset=utf8mb4`,
    connectionLimit: 2,
    typeCast: (field) => field.string("utf8"),
  });
  const users: string[] = [];
  return {
    engine: "mysql",
    url,
    rows: async (sql, params = []) =>
      (await pool.query(sql, params))[0] as Record<string, string | null>[],
    exec: async (sql) => void (await pool.query(sql)),
    readOnlyUrl: async () => {
      const user = `reader_${randomBytes(4).toString("hex")}`;
      users.push(user);
      await pool.query(`CREATE USER '${user}'@'%' IDENTIFIED BY 'read-only'`);
      await pool.query(`CREATE USER '${user}'@'localhost' IDENTIFIED BY 'read-only'`);
      await pool.query(`GRANT SELECT ON ${name}.* TO '${user}'@'%'`);
      await pool.query(`GRANT SELECT ON ${name}.* TO '${user}'@'localhost'`);
      const u = new URL(url);
      u.username = user;
      u.password = "read-only";
      return u.toString();
    },
    drop: async () => {
      for (const user of users) {
        await pool.query(`DROP USER IF EXISTS '${user}'@'%'`);
        await pool.query(`DROP USER IF EXISTS '${user}'@'localhost'`);
      }
      await pool.query(`DROP DATABASE IF EXISTS ${name}`);
      await pool.end();
    },
  };
}
