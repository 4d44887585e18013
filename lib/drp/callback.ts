import type { PgBoss } from "pg-boss";

import type { Db, Tx } from "@/lib/db";
import { outboundAllow, outboundRequest } from "@/lib/http/outbound";
import { QUEUES, sendInTx } from "@/lib/jobs/boss";
import { log } from "@/lib/log";

import { exerciseStatusById } from "./status-query";

// DRP's status callback (0.9 §2.03): when a request an agent filed with a status_callback changes
// (its status, or its expected_by after an extension), the agent's URL gets the Exercise Status as
// JSON. The job is enqueued in the transaction that made the change and holds only the DRP id; it
// reads the status when it runs, so the agent always gets the latest ("a best effort to ensure a
// 200 response for the most recent status update"), and is retried with backoff until the agent
// answers 2xx. The spec defines no authentication for callbacks; the body carries no personal data.

export const DRP_CALLBACK_QUEUE = QUEUES.drpCallback;
const TIMEOUT_MS = 10_000;

export interface DrpCallbackJob {
  drpRequestId: string;
}

/** Enqueues the agent's callback for a request, if it came over DRP with a callback URL. */
export async function enqueueDrpCallback(tx: Tx, requestId: string): Promise<boolean> {
  const drp = await tx.drpRequest.findUnique({
    where: { requestId },
    select: { id: true, statusCallback: true },
  });
  if (!drp?.statusCallback) return false;
  const job: DrpCallbackJob = { drpRequestId: drp.id };
  await sendInTx(tx, DRP_CALLBACK_QUEUE, job);
  return true;
}

/** Posts the current status; throws (so the queue retries) unless the agent answered 2xx. */
export async function deliverDrpCallback(db: Db, job: DrpCallbackJob): Promise<"sent" | "skipped"> {
  const drp = await db.drpRequest.findUnique({
    where: { id: job.drpRequestId },
    select: { statusCallback: true, agent: { select: { revokedAt: true } } },
  });
  // A revoked agent no longer acts for anyone: it is told nothing more.
  if (!drp?.statusCallback || drp.agent.revokedAt) return "skipped";
  const status = await exerciseStatusById(db, job.drpRequestId);
  if (!status) return "skipped";
  const body = JSON.stringify(status);
  // Under the outbound rules (lib/http/outbound.ts): public addresses or the operator's
  // allow-list, no redirect followed; the answer's body is discarded, as §2.03 says.
  const response = await outboundRequest(drp.statusCallback, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body,
    timeoutMs: TIMEOUT_MS,
    maxBytes: 64 * 1024,
    read: false,
    allow: outboundAllow(),
  });
  if (response.status < 200 || response.status >= 300)
    throw new Error(`DRP status callback answered ${response.status}`);
  return "sent";
}

export async function registerDrpCallbackJobs(boss: PgBoss, db: Db): Promise<void> {
  await boss.work<DrpCallbackJob>(
    DRP_CALLBACK_QUEUE,
    { pollingIntervalSeconds: 1, batchSize: 1 },
    async ([job]) => {
      if (!job) return;
      const outcome = await deliverDrpCallback(db, job.data);
      if (outcome === "skipped")
        log.info("DRP callback skipped", { drpRequestId: job.data.drpRequestId });
    },
  );
}
