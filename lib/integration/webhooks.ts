import type { PgBoss } from "pg-boss";

import type { Db, Tx } from "@/lib/db";
import { signBody } from "@/lib/fulfilment/engine/signature";
import { QUEUES, sendInTx } from "@/lib/jobs/boss";
import { outboundAllow, outboundRequest } from "@/lib/http/outbound";
import { log } from "@/lib/log";

// "restrictions.changed" webhooks: when a use restriction of a subject is created or lifted, each
// active subscription of a system that knows the subject gets a job in the same transaction; the
// job POSTs { event, subject, at } signed like the HTTP connector's tasks (signature.ts) and is
// retried with backoff until the system answers 2xx. The job holds ids only; the external id is
// read when sending.

export const WEBHOOK_QUEUE = QUEUES.integrationWebhook;
const TIMEOUT_MS = 10_000;

export interface WebhookJob {
  systemId: string;
  subjectId: string;
  at: string;
}

/** Enqueues one webhook per subscribed system that knows the subject; returns how many. */
export async function enqueueRestrictionsChanged(
  tx: Tx,
  input: { subjectId: string; at?: Date },
): Promise<number> {
  const subscriptions = await tx.webhookSubscription.findMany({
    where: { active: true, system: { externalIds: { some: { subjectId: input.subjectId } } } },
    select: { systemId: true },
  });
  if (subscriptions.length === 0) return 0;
  const at = (input.at ?? new Date()).toISOString();
  for (const { systemId } of subscriptions) {
    const data: WebhookJob = { systemId, subjectId: input.subjectId, at };
    await sendInTx(tx, WEBHOOK_QUEUE, data);
  }
  return subscriptions.length;
}

/** Sends one webhook; throws (so pg-boss retries) unless the system answered 2xx. */
export async function deliverWebhook(db: Db, job: WebhookJob): Promise<"sent" | "skipped"> {
  const subscription = await db.webhookSubscription.findUnique({
    where: { systemId: job.systemId },
    select: { url: true, active: true, system: { select: { secret: true } } },
  });
  const link = await db.subjectExternalId.findFirst({
    where: { systemId: job.systemId, subjectId: job.subjectId },
    orderBy: { id: "asc" },
    select: { externalId: true },
  });
  // Unsubscribed, or no secret to sign with, or the system no longer knows the person: nothing
  // to tell, and retrying would not change that.
  if (!subscription?.active || !subscription.system.secret || !link) return "skipped";
  const body = JSON.stringify({
    event: "restrictions.changed",
    subject: link.externalId,
    at: job.at,
  });
  // Under the outbound rules (lib/http/outbound.ts): public addresses or the operator's
  // allow-list, no redirect followed, the answer not read.
  const response = await outboundRequest(subscription.url, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      ...signBody({ secret: subscription.system.secret, body }),
    },
    body,
    timeoutMs: TIMEOUT_MS,
    maxBytes: 1024 * 1024,
    read: false,
    allow: outboundAllow(),
  });
  if (response.status < 200 || response.status >= 300)
    throw new Error(`webhook answered ${response.status}`);
  return "sent";
}

export async function registerWebhookJobs(boss: PgBoss, db: Db): Promise<void> {
  await boss.work<WebhookJob>(
    WEBHOOK_QUEUE,
    { pollingIntervalSeconds: 1, batchSize: 1 },
    async ([job]) => {
      if (!job) return;
      const outcome = await deliverWebhook(db, job.data);
      if (outcome === "skipped") log.info("webhook skipped", { systemId: job.data.systemId });
    },
  );
}
