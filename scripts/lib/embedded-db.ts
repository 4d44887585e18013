import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

import { keepQueriesTogether } from "./pglite-queue";

// The embedded default: PGlite persisted under DATA_DIR, served on a loopback port so the app,
// the worker and the migration scripts all speak the PostgreSQL protocol through `pg`.

export interface EmbeddedDatabase {
  url: string;
  stop: () => Promise<void>;
}

interface ServerInfo {
  port: number;
  pid: number;
}

const infoPath = (dataDir: string) => path.join(dataDir, "pglite.json");

export const embeddedUrl = (port: number) => `postgresql://postgres@127.0.0.1:${port}/postgres`;

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The URL of an embedded database already served by another process of this project, if any. */
export async function findRunningEmbedded(dataDir: string): Promise<string | undefined> {
  const file = infoPath(dataDir);
  if (!existsSync(file)) return undefined;
  const info = JSON.parse(readFileSync(file, "utf8")) as ServerInfo;
  if (processAlive(info.pid) && (await canConnect(info.port))) return embeddedUrl(info.port);
  return undefined;
}

export async function startEmbeddedDatabase(options: {
  dataDir: string;
  port?: number;
}): Promise<EmbeddedDatabase> {
  const dir = path.resolve(options.dataDir, "pglite");
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir);
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: options.port ?? 0,
    maxConnections: 64,
  });
  keepQueriesTogether(server);
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  const info: ServerInfo = { port, pid: process.pid };
  writeFileSync(infoPath(options.dataDir), JSON.stringify(info));
  let stopped = false;
  return {
    url: embeddedUrl(port),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      rmSync(infoPath(options.dataDir), { force: true });
    },
  };
}

/**
 * The database a script should talk to: DATABASE_URL when set; otherwise the embedded database,
 * reusing the server of a running app (PGlite must never be opened twice) or starting one.
 */
export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir: string;
}): Promise<EmbeddedDatabase & { embedded: boolean }> {
  if (options.databaseUrl)
    return { url: options.databaseUrl, stop: async () => {}, embedded: false };
  const running = await findRunningEmbedded(options.dataDir);
  if (running) return { url: running, stop: async () => {}, embedded: true };
  return { ...(await startEmbeddedDatabase({ dataDir: options.dataDir })), embedded: true };
}
