import { fromPrisma, PgBoss } from "pg-boss";

import type { Tx } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";

// Durable background work in PostgreSQL. Queues are created once at start; sends made inside a
// Prisma transaction (sendInTx) commit or roll back with it, so a request and its mail never part.

export const QUEUES = {
  mail: "mail-send",
  // Destroys identity-document blobs once the identity decision is made (lib/identity).
  documentPurge: "identity-document-purge",
  // Runs one fulfilment task against its system's connector (lib/fulfilment/engine).
  fulfilmentTask: "fulfilment-task",
  // Scans for due-soon and overdue requests and sends each reminder once (lib/reminders).
  reminderScan: "reminder-scan",
  // Drops rate-limit windows older than a day (lib/rate-limit).
  rateLimitPrune: "rate-limit-prune",
  // Tells subscribed systems that a subject's use restrictions changed (lib/integration).
  integrationWebhook: "integration-webhook",
  // Mails an onward notice to a recipient after a correction, erasure or stop (GDPR Art.19).
  onwardNotice: "onward-notice",
  // Posts a DRP request's new status to the agent's status_callback (lib/drp/callback.ts).
  drpCallback: "drp-callback",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

// Retries with exponential backoff from `retryDelay` seconds; a job that uses them up is failed.
// Fulfilment tasks send heartbeats while they run: a job whose worker died is retried once its
// heartbeat is missed (the supervisor checks every SUPERVISE_SECONDS), not after the default
// 15-minute expiry.
const QUEUE_OPTIONS: Record<
  QueueName,
  { retryLimit: number; retryDelay: number; heartbeatSeconds?: number }
> = {
  "mail-send": { retryLimit: 5, retryDelay: 5 },
  "identity-document-purge": { retryLimit: 10, retryDelay: 5 },
  "fulfilment-task": { retryLimit: 3, retryDelay: 2, heartbeatSeconds: 10 },
  "reminder-scan": { retryLimit: 2, retryDelay: 30 },
  "rate-limit-prune": { retryLimit: 1, retryDelay: 60 },
  "integration-webhook": { retryLimit: 8, retryDelay: 10 },
  "onward-notice": { retryLimit: 8, retryDelay: 10 },
  "drp-callback": { retryLimit: 8, retryDelay: 10 },
};

const SUPERVISE_SECONDS = 10;

const globalForBoss = globalThis as unknown as { __boss?: Promise<PgBoss> };

async function createBoss(url: string): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    max: 4,
    application_name: "dsar-jobs",
    // Over the embedded PGlite socket every connection shares one session, so notifications never
    // arrive; polling works on both database modes (STACK.md).
    useListenNotify: false,
    superviseIntervalSeconds: SUPERVISE_SECONDS,
  });
  boss.on("error", (error) => log.error("job queue error", error));
  await boss.start();
  for (const name of Object.values(QUEUES)) {
    const options = { ...QUEUE_OPTIONS[name], retryBackoff: true };
    await boss.createQueue(name, options);
    // A queue created by an earlier version keeps its old options unless they are updated.
    await boss.updateQueue(name, options);
  }
  return boss;
}

/** The process's queue client; `url` overrides DATABASE_URL (the standalone worker in embedded mode). */
export function getBoss(url = getEnv().DATABASE_URL): Promise<PgBoss> {
  if (!globalForBoss.__boss) {
    if (!url) throw new Error("DATABASE_URL is not set");
    globalForBoss.__boss = createBoss(url).catch((error: unknown) => {
      globalForBoss.__boss = undefined;
      throw error;
    });
  }
  return globalForBoss.__boss;
}

/** Enqueues a job in the caller's transaction. */
export async function sendInTx(
  tx: Tx,
  queue: QueueName,
  data: object,
  options: { singletonKey?: string } = {},
) {
  const boss = await getBoss();
  return boss.send(queue, data, { ...options, db: fromPrisma(tx) });
}
