// `npm start`: the whole app on one command. Without DATABASE_URL it serves the embedded PGlite
// database on a loopback port, migrates it and seeds the demo organisation when it is empty;
// then it builds when needed and runs Next.js (with the job worker inside, WORKER_MODE=inline).
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";

import { applyMigrations } from "./db/migrations";
import { openDatabase } from "./lib/embedded-db";
import { buildIsStale } from "./lib/build-state";
import {
  assertDatabaseReachable,
  assertStorageReachable,
  authSecret,
  envOrExit,
  masterKey,
} from "./lib/preflight";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
// The e2e servers share one build made beforehand; they must never rebuild under each other.
const mayBuild = !process.argv.includes("--no-build");
const env = envOrExit();

if (env.DATABASE_URL) await assertDatabaseReachable(env.DATABASE_URL);
await assertStorageReachable(env);
const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });

const applied = await applyMigrations({ url: database.url });
if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);

if (database.embedded) {
  // The generated client is TypeScript; load the seed only once `npm run generate` has run.
  const { createPrismaClient } = await import("../lib/db");
  const { isDatabaseEmpty, seedDemo } = await import("../prisma/seed/index");
  const db = createPrismaClient(database.url, { max: 2 });
  if (await isDatabaseEmpty(db)) {
    console.log("Empty embedded database: seeding the demo organisation…");
    await seedDemo(db);
  }
  await db.$disconnect();
}

const childEnv = {
  ...process.env,
  DATABASE_URL: database.url,
  // Decided here, where the choice is known (the embedded default is the demo); the app would
  // otherwise see a DATABASE_URL and refuse to start without mail.
  DEMO_MODE: env.DEMO_MODE ? "1" : "0",
  AUTH_SECRET: authSecret(env),
  MASTER_KEY: masterKey(env),
  AUTH_URL: env.AUTH_URL ?? `http://localhost:${env.PORT}`,
  NEXT_TELEMETRY_DISABLED: "1",
};
const next = path.join(root, "node_modules", ".bin", "next");

if (!dev && mayBuild && buildIsStale(root)) {
  console.log("Building the app (first start or changed sources)…");
  const build = spawnSync(next, ["build"], { cwd: root, env: childEnv, stdio: "inherit" });
  if (build.status !== 0) {
    await database.stop();
    process.exit(build.status ?? 1);
  }
}

// One `next start`, or one per core behind the same port (WEB_CONCURRENCY, next-cluster.ts).
const processes = dev ? 1 : env.WEB_CONCURRENCY;
const options = { cwd: root, env: childEnv, stdio: "inherit" } as const;
const server =
  processes > 1
    ? spawn(
        process.execPath,
        [
          "--import",
          "tsx",
          path.join(root, "scripts/lib/next-cluster.ts"),
          String(env.PORT),
          String(processes),
        ],
        options,
      )
    : spawn(next, [dev ? "dev" : "start", "-p", String(env.PORT)], options);
console.log(
  `Privacy center: http://localhost:${env.PORT}/ja (${database.embedded ? "embedded database" : "PostgreSQL"}${processes > 1 ? `, ${processes} app processes` : ""}${env.DEMO_MODE ? ", demo mode: mail in the dev mailbox" : ""})`,
);

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
  await database.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
server.on("exit", (code) => void shutdown(code ?? 0));
