import type { Tx } from "@/lib/db";
import { QUEUES, sendInTx } from "@/lib/jobs/boss";
import type { MailJob } from "@/lib/jobs/handlers";

/** Queues a mail inside the caller's transaction; the worker renders and delivers it. */
export async function enqueueMail(tx: Tx, mail: MailJob, options: { dedupeKey?: string } = {}) {
  await sendInTx(tx, QUEUES.mail, mail, { singletonKey: options.dedupeKey });
}
