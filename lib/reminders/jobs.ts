import type { PgBoss } from "pg-boss";

import type { Db } from "@/lib/db";
import { QUEUES } from "@/lib/jobs/boss";
import { log } from "@/lib/log";

import { remindEmailTasks } from "@/lib/fulfilment/engine/connectors/email";

import { scanReminders } from "./scan";

// The reminder scan runs on a pg-boss schedule (one cron entry in the database, shared by every
// worker process, so it fires once per period however many run); a one-off job on the same queue
// runs a scan at once (the e2e spec does this). Every scan is idempotent (lib/reminders/scan.ts).

export const REMINDER_CRON = "*/5 * * * *";

export async function registerReminders(boss: PgBoss, db: Db): Promise<void> {
  await boss.schedule(QUEUES.reminderScan, REMINDER_CRON, null, { tz: "UTC" });
  await boss.work(QUEUES.reminderScan, { pollingIntervalSeconds: 1 }, async () => {
    const result = await scanReminders(db, new Date());
    if (result.mails > 0) log.info("reminders sent", { ...result });
    // Recipients of EMAIL connector tasks that have not answered yet.
    const systemTasks = await remindEmailTasks(db, new Date());
    if (systemTasks > 0) log.info("system task reminders sent", { count: systemTasks });
  });
}
