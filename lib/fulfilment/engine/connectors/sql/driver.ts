import dns from "node:dns/promises";
import { isIP } from "node:net";

import mysql from "mysql2/promise";
import pg from "pg";

import { mayConnect, outboundAllow, type OutboundAllow } from "@/lib/http/outbound";

import { TaskFailure } from "../../failure";

// One connection to an organisation's database, the same for PostgreSQL and MySQL/MariaDB: the
// queries of sql-connector.ts are written once, with `?` for every value (never a value in the
// text) and identifiers that the dataset schema allows and the live schema has (schema.ts), quoted
// here. The host goes through the portal's outbound rules like an HTTP endpoint (OUTBOUND_ALLOW for
// a private network): it is resolved once and the connection made to the checked address. Each
// statement is limited on the server (statement_timeout, max_statement_time) and in the client.
// Every value is read as text, as the database writes it.

export type Engine = "postgresql" | "mysql";
export type Row = Record<string, string | null>;

export interface SqlSession {
  readonly engine: Engine;
  /** A quoted identifier. */
  id(name: string): string;
  /** Rows of a statement with `?` placeholders. */
  query(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** The number of rows a statement changed. */
  execute(sql: string, params?: readonly unknown[]): Promise<number>;
  begin(mode: "read" | "write"): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  close(): Promise<void>;
}

const CONNECT_TIMEOUT_MS = 5_000;

/** Which engine a connection URL is for; null when it is neither. */
export function engineOfUrl(url: string): Engine | null {
  const scheme = /^([a-z]+):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === "postgres" || scheme === "postgresql") return "postgresql";
  if (scheme === "mysql" || scheme === "mariadb") return "mysql";
  return null;
}

/** The address to connect to: the host resolved and checked against the outbound rules. */
async function checkedAddress(host: string, allow: OutboundAllow): Promise<string> {
  const bare = host.replace(/^\[|\]$/g, "");
  const addresses = isIP(bare)
    ? [bare]
    : await dns.lookup(bare, { all: true }).then(
        (list) => list.map((a) => a.address),
        () => {
          throw new TaskFailure("db_unreachable", true, "dns");
        },
      );
  const address = addresses[0];
  if (!address) throw new TaskFailure("db_unreachable", true, "dns");
  if (addresses.some((a) => !mayConnect(a, allow))) throw new TaskFailure("refused_address", false);
  return address;
}

/** Opens a session; a TaskFailure with the reason when it cannot. */
export async function openSqlSession(options: {
  engine: Engine;
  url: string;
  statementTimeoutMs: number;
  /** The outbound rules (tests); the operator's OUTBOUND_ALLOW when absent. */
  allow?: OutboundAllow;
}): Promise<SqlSession> {
  const { engine, statementTimeoutMs } = options;
  if (engineOfUrl(options.url) !== engine) throw new TaskFailure("bad_config", false, "url");
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    throw new TaskFailure("bad_config", false, "url");
  }
  const allow = options.allow === undefined ? outboundAllow() : options.allow;
  const address = await checkedAddress(url.hostname, allow);
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const database = decodeURIComponent(url.pathname.replace(/^\//, "")) || undefined;
  const tls = /^(require|verify-ca|verify-full|true|required)$/i.test(
    url.searchParams.get("sslmode") ?? url.searchParams.get("ssl") ?? "",
  );
  try {
    return engine === "postgresql"
      ? await openPostgres({ address, url, user, password, database, tls, statementTimeoutMs })
      : await openMysql({ address, url, user, password, database, tls, statementTimeoutMs });
  } catch (error) {
    throw sqlFailure(error);
  }
}

type Target = {
  address: string;
  url: URL;
  user: string;
  password: string;
  database: string | undefined;
  tls: boolean;
  statementTimeoutMs: number;
};

// Every column as the database's own text (a date as it stores it, no time-zone conversion),
// booleans as true/false.
const asText: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number) =>
    oid === 16
      ? (value: string) => (value === "t" ? "true" : "false")
      : (value: string) => value) as never,
};

async function openPostgres(target: Target): Promise<SqlSession> {
  const client = new pg.Client({
    host: target.address,
    port: Number(target.url.port || 5432),
    user: target.user,
    password: target.password,
    database: target.database,
    ssl: target.tls ? { servername: target.url.hostname } : undefined,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: target.statementTimeoutMs,
    query_timeout: target.statementTimeoutMs + 2_000,
    application_name: "dsar-portal",
    types: asText,
  });
  client.on("error", () => {}); // a dropped connection fails the statement that uses it
  await client.connect();
  const numbered = (sql: string) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };
  return {
    engine: "postgresql",
    id: (name) => `"${name.replace(/"/g, '""')}"`,
    query: async (sql, params = []) => (await client.query<Row>(numbered(sql), [...params])).rows,
    execute: async (sql, params = []) =>
      (await client.query(numbered(sql), [...params])).rowCount ?? 0,
    begin: async (mode) => void (await client.query(mode === "read" ? "BEGIN READ ONLY" : "BEGIN")),
    commit: async () => void (await client.query("COMMIT")),
    rollback: async () => void (await client.query("ROLLBACK").catch(() => undefined)),
    close: () => client.end().catch(() => undefined),
  };
}

async function openMysql(target: Target): Promise<SqlSession> {
  const connection = await mysql.createConnection({
    host: target.address,
    port: Number(target.url.port || 3306),
    user: target.user,
    password: target.password,
    database: target.database,
    ssl: target.tls ? { rejectUnauthorized: true } : undefined,
    connectTimeout: CONNECT_TIMEOUT_MS,
    charset: "utf8mb4",
    // Every value as the text the server sent (dates, decimals and big integers unconverted).
    typeCast: (field) => field.string("utf8"),
  });
  connection.on("error", () => {});
  const [[version]] = (await connection.query("SELECT VERSION() AS v")) as unknown as [
    { v: string }[],
  ];
  // MariaDB limits a statement in seconds, MySQL a SELECT in milliseconds.
  await connection.query(
    /mariadb/i.test(version?.v ?? "")
      ? `SET SESSION max_statement_time = ${(target.statementTimeoutMs / 1000).toFixed(3)}`
      : `SET SESSION max_execution_time = ${target.statementTimeoutMs}`,
  );
  const timeout = target.statementTimeoutMs + 2_000;
  return {
    engine: "mysql",
    id: (name) => `\`${name.replace(/`/g, "``")}\``,
    query: async (sql, params = []) =>
      (await connection.query({ sql, timeout }, [...params]))[0] as Row[],
    execute: async (sql, params = []) => {
      const [result] = await connection.query({ sql, timeout }, [...params]);
      return (result as { affectedRows?: number }).affectedRows ?? 0;
    },
    begin: async (mode) =>
      void (await connection.query(
        mode === "read" ? "START TRANSACTION READ ONLY" : "START TRANSACTION",
      )),
    commit: async () => void (await connection.query("COMMIT")),
    rollback: async () => void (await connection.query("ROLLBACK").catch(() => undefined)),
    close: () => connection.end().catch(() => undefined),
  };
}

/**
 * A database error as a task failure: a code staff can act on, never the database's message
 * (which may quote a value).
 */
export function sqlFailure(error: unknown): TaskFailure {
  if (error instanceof TaskFailure) return error;
  const e = (error ?? {}) as { code?: string; errno?: number; message?: string };
  const code = String(e.code ?? "");
  // Could not reach the server, or it went away.
  if (
    /^(ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|EPIPE|PROTOCOL_CONNECTION_LOST)$/.test(
      code,
    ) ||
    /timeout expired|Connection terminated/i.test(e.message ?? "")
  )
    return new TaskFailure("db_unreachable", true);
  // Wrong user or password, or no such database.
  if (
    /^(28P01|28000|3D000|ER_ACCESS_DENIED_ERROR|ER_ACCESS_DENIED_NO_PASSWORD_ERROR|ER_DBACCESS_DENIED_ERROR|ER_BAD_DB_ERROR)$/.test(
      code,
    )
  )
    return new TaskFailure("db_auth", false);
  // A statement over its time limit.
  if (
    code === "57014" ||
    e.errno === 1969 ||
    e.errno === 3024 ||
    code === "PROTOCOL_SEQUENCE_TIMEOUT" ||
    /Query read timeout/i.test(e.message ?? "")
  )
    return new TaskFailure("db_timeout", true);
  // Another transaction was in the way: another attempt may pass.
  if (/^(40001|40P01|55P03|ER_LOCK_DEADLOCK|ER_LOCK_WAIT_TIMEOUT)$/.test(code))
    return new TaskFailure("db_busy", true);
  // A constraint of the database refused the change (a row another table still points to).
  if (
    /^23/.test(code) ||
    /^(ER_ROW_IS_REFERENCED_2|ER_NO_REFERENCED_ROW_2|ER_DUP_ENTRY|ER_BAD_NULL_ERROR|ER_DATA_TOO_LONG)$/.test(
      code,
    )
  )
    return new TaskFailure("db_constraint", false, code);
  // Read-only credentials asked to write.
  if (
    /^(25006|42501|ER_TABLEACCESS_DENIED_ERROR|ER_COLUMNACCESS_DENIED_ERROR|ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION)$/.test(
      code,
    )
  )
    return new TaskFailure("db_denied", false, code);
  return new TaskFailure("db_error", false, code.replace(/[^A-Za-z0-9_]/g, "").slice(0, 40));
}
