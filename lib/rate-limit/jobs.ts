import type { PgBoss } from "pg-boss";

import type { Db } from "@/lib/db";
import { QUEUES } from "@/lib/jobs/boss";
import { pruneDevMail } from "@/lib/mail/deliver";

import { pruneRateLimits } from "./index";

export const RATE_LIMIT_PRUNE_CRON = "17 * * * *";

export async function registerRateLimitPrune(boss: PgBoss, db: Db): Promise<void> {
  await boss.schedule(QUEUES.rateLimitPrune, RATE_LIMIT_PRUNE_CRON, null, { tz: "UTC" });
  await boss.work(QUEUES.rateLimitPrune, { pollingIntervalSeconds: 5 }, async () => {
    await pruneRateLimits(db);
    // The same hourly housekeeping drops demo mail whose sign-in link has expired.
    await pruneDevMail(db);
    // And WebAuthn challenges nobody answered.
    await db.webAuthnChallenge.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  });
}
