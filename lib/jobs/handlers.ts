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

/** Registers every queue's handler on a started boss. Handlers must be safe to retry. */
export async function registerHandlers(boss: PgBoss, db: Db): Promise<void> {
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
