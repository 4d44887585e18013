import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chown, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { freePort } from "./free-port";

// A throwaway PostgreSQL server of its own (initdb + pg_ctl from the machine's PostgreSQL), for
// fault tests that stop or restart the server: the shared server on 5432 is never touched.
// PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user.

const run = promisify(execFile);

function binDir(): string {
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions
    .map((v) => path.join(base, v, "bin"))
    .find((d) => existsSync(`${d}/pg_ctl`));
  if (!found) throw new Error("PostgreSQL server binaries not found under /usr/lib/postgresql");
  return found;
}

export interface TempPostgres {
  port: number;
  /** Where the cluster's files are (a replica is cloned beside them). */
  root: string;
  url: (database?: string) => string;
  restart: (mode?: "fast" | "immediate") => Promise<void>;
  stop: () => Promise<void>;
}

export async function startTempPostgres(): Promise<TempPostgres> {
  const bin = binDir();
  const root = await mkdtemp(path.join(os.tmpdir(), "dsar-pg-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const uid = Number(stdout.trim());
    const gid = Number((await run("id", ["-g", "postgres"])).stdout.trim());
    await chown(root, uid, gid);
  }
  const as = (command: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", command, ...args]) : run(command, args);
  const data = path.join(root, "data");
  const port = await freePort();
  await as(`${bin}/initdb`, ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c max_connections=200`;
  const ctl = (...args: string[]) =>
    as(`${bin}/pg_ctl`, ["-D", data, "-l", path.join(root, "log"), "-w", "-t", "60", ...args]);
  await ctl("-o", options, "start");
  return {
    port,
    root,
    url: (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    restart: async (mode = "fast") => {
      await ctl("-m", mode, "-o", options, "restart");
    },
    stop: async () => {
      await ctl("-m", "immediate", "stop").catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
}

/**
 * A streaming replica of a temporary server (pg_basebackup -R: a standby that follows the
 * primary's WAL), on a port of its own. `stop` shuts it down; `start` brings it back.
 */
export async function startTempReplica(primary: TempPostgres): Promise<TempPostgres> {
  const bin = binDir();
  const asRoot = process.getuid?.() === 0;
  const as = (command: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", command, ...args]) : run(command, args);
  const root = path.join(primary.root, `replica-${Date.now()}`);
  await as("mkdir", ["-p", root]);
  const data = path.join(root, "data");
  await as(`${bin}/pg_basebackup`, [
    ...["-h", "127.0.0.1", "-p", String(primary.port), "-U", "postgres"],
    ...["-D", data, "-R", "-X", "stream", "--no-sync", "--checkpoint=fast"],
  ]);
  const port = await freePort();
  // A standby needs at least the primary's max_connections (startTempPostgres sets 200).
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c hot_standby=on -c max_connections=200`;
  const ctl = (...args: string[]) =>
    as(`${bin}/pg_ctl`, ["-D", data, "-l", path.join(root, "log"), "-w", "-t", "60", ...args]);
  await ctl("-o", options, "start");
  return {
    port,
    root,
    url: (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    restart: async (mode = "fast") => {
      await ctl("-m", mode, "-o", options, "restart");
    },
    stop: async () => {
      await ctl("-m", "fast", "stop").catch(() => undefined);
    },
  };
}
