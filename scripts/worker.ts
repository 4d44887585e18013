// `npm run worker`: the job worker on its own, for running app and workers apart (WORKER_MODE=off
// in the app). In embedded mode it joins the database served by a running `npm start`.
import { createPrismaClient } from "../lib/db";
import { startWorker } from "../lib/jobs/worker";
import { openDatabase } from "./lib/embedded-db";
import { assertDatabaseReachable, assertStorageReachable, envOrExit } from "./lib/preflight";

const env = envOrExit();
// Job spans and their queries, when a collector is set (lib/server/telemetry.ts).
if (env.OTEL_EXPORTER_OTLP_ENDPOINT) {
  const { startTelemetry } = await import("../lib/server/telemetry");
  await startTelemetry({ endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: "dsar-worker" });
}
if (env.DATABASE_URL) await assertDatabaseReachable(env.DATABASE_URL);
await assertStorageReachable(env);
const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
const db = createPrismaClient(database.url);
const stop = await startWorker(db, database.url);

async function shutdown() {
  await stop();
  await db.$disconnect();
  await database.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
