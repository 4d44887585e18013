import { SpanStatusCode, trace } from "@opentelemetry/api";
import type { PgBoss } from "pg-boss";

import type { Db } from "@/lib/db";
import { registerDrpCallbackJobs } from "@/lib/drp/callback";
import { registerFulfilmentJobs } from "@/lib/fulfilment/engine/jobs";
import { registerDocumentPurge } from "@/lib/identity/purge";
import { registerOnwardNoticeJobs } from "@/lib/fulfilment/onward-delivery";
import { registerWebhookJobs } from "@/lib/integration/webhooks";
import { mailContext } from "@/lib/mail/context";
import { deliverMail } from "@/lib/mail/deliver";
import { renderMail, type MailKind } from "@/lib/mail/templates";
import { registerRateLimitPrune } from "@/lib/rate-limit/jobs";
import { registerReminders } from "@/lib/reminders/jobs";
import type { Locale } from "@/lib/i18n/config";

import { QUEUES } from "./boss";

export interface MailJob {
  kind: MailKind;
  locale: Locale;
  to: string;
  params: Record<string, string | number>;
}

/**
 * The boss as handlers see it: each batch a handler takes runs in a span of its own ("job
 * <queue>", with the batch's size), a no-op unless telemetry is on (lib/server/telemetry.ts).
 */
export function traced(boss: PgBoss): PgBoss {
  const tracer = trace.getTracer("dsar-jobs");
  const work = ((name: string, options: object, handler: (jobs: unknown[]) => Promise<unknown>) =>
    boss.work(name, options, (jobs: unknown[]) =>
      tracer.startActiveSpan(`job ${name}`, async (span) => {
        span.setAttributes({ "messaging.destination.name": name, "job.batch_size": jobs.length });
        try {
          return await handler(jobs);
        } catch (error) {
          span.setStatus({ code: SpanStatusCode.ERROR });
          throw error;
        } finally {
          span.end();
        }
      }),
    )) as unknown as PgBoss["work"];
  return new Proxy(boss, {
    get(target, property) {
      if (property === "work") return work;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function"
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}

/** Registers every queue's handler on a started boss. Handlers must be safe to retry. */
export async function registerHandlers(started: PgBoss, db: Db): Promise<void> {
  const boss = traced(started);
  await boss.work<MailJob>(
    QUEUES.mail,
    { pollingIntervalSeconds: 1, batchSize: 5 },
    async (jobs) => {
      for (const job of jobs) {
        await deliverMail(db, renderMail(job.data, await mailContext(db, job.data.to)));
      }
    },
  );
  await registerDocumentPurge(boss, db);
  await registerFulfilmentJobs(boss, db);
  await registerReminders(boss, db);
  await registerWebhookJobs(boss, db);
  await registerOnwardNoticeJobs(boss, db);
  await registerDrpCallbackJobs(boss, db);
  await registerRateLimitPrune(boss, db);
}
