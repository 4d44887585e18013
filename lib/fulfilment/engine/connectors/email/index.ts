import { timingSafeEqual } from "node:crypto";

import { z } from "@/lib/validation/zod";

import type { Db, Tx } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { FulfilmentAction } from "@/lib/generated/prisma/enums";
import { locales, type Locale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";
import { enqueueMail } from "@/lib/mail/enqueue";
import { parseMasterKey } from "@/lib/storage/envelope";

import { appBaseUrl } from "../../base-url";
import { TaskFailure } from "../../failure";
import { auditTask, type TaskActor, type TaskRef } from "../../settle-task";
import { uniform } from "../connector";
import { signTaskLink } from "./link-token";
import { verifyMailTransport } from "@/lib/mail/deliver";

// The EMAIL connector: for a system run by a person or a vendor without an API. A run of the task
// mails its recipient a signed link (no personal data in the mail: the organisation, the system,
// the request's reference and what is asked); the link opens a page that says whom and what the
// task concerns and takes the answer: the export file, the erasure's count and what was kept, a
// confirmation, or a refusal with its reason (lib/data/fulfilment/system-task-link.ts). Until
// then the task waits like an HTTP system's 202 (acceptedAt), and the recipient is reminded every
// `remindEveryDays` days, `maxReminders` times (remindEmailTasks, from the reminder scan).
//
// The link is `<taskId>.<HMAC>` under a key derived from MASTER_KEY, over the task and the moment
// it was mailed: nothing to store, the same link in every reminder, and a new run (staff retry)
// makes a new link that the old one cannot open. It opens only while the task waits.

export const ZEmailConfig = z.object({
  to: z.email().max(254),
  locale: z.enum(locales).default("ja"),
  remindEveryDays: z.number().int().min(1).max(30).default(3),
  maxReminders: z.number().int().min(0).max(10).default(5),
});
export type TEmailConfig = z.infer<typeof ZEmailConfig>;

/** The system's settings; a missing or wrong one fails the task for good (staff fix the system). */
export function readEmailConfig(config: unknown): TEmailConfig {
  const parsed = ZEmailConfig.safeParse(config);
  if (!parsed.success) throw new TaskFailure("bad_config", false);
  return parsed.data;
}

const masterKey = () => parseMasterKey(getEnv().MASTER_KEY);

/** The link's token for a task mailed at `mailedAt`. */
export function taskLinkToken(taskId: string, mailedAt: Date, key = masterKey()): string {
  return signTaskLink(key, taskId, mailedAt);
}

/** The task id a token claims; null when it is not shaped like one. */
export function taskIdOfToken(token: string): string | null {
  const match = /^([a-z0-9]{10,40})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? match[1]! : null;
}

/** Whether the token was made for this task mailed at `mailedAt` (constant time). */
export function tokenMatches(token: string, taskId: string, mailedAt: Date, key = masterKey()) {
  const expected = Buffer.from(taskLinkToken(taskId, mailedAt, key));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const taskLinkUrl = (locale: Locale, token: string) =>
  `${appBaseUrl()}/${locale}/system-tasks/${token}`;

interface MailedTask extends TaskRef {
  request: { reference: string };
  system: { key: string; nameJa?: string; nameEn?: string };
}

async function mailParams(
  tx: Tx,
  task: MailedTask & { action: FulfilmentAction },
  config: TEmailConfig,
  mailedAt: Date,
) {
  const system = await tx.dataSystem.findFirst({
    where: { key: task.system.key },
    select: { nameJa: true, nameEn: true },
  });
  const t = getTranslator(config.locale);
  return {
    reference: task.request.reference,
    system: (config.locale === "ja" ? system?.nameJa : system?.nameEn) ?? task.system.key,
    action: t(`fulfilment.tasks.action.${task.action}`),
    url: taskLinkUrl(config.locale, taskLinkToken(task.id, mailedAt)),
  };
}

/**
 * A run of an EMAIL task: marks it waiting for its recipient (acceptedAt, the link's moment) and
 * queues the mail in the same transaction, so the task never waits for a mail that was not sent.
 * Returns false when the task was no longer running.
 */
export async function mailEmailTask(
  tx: Tx,
  task: MailedTask & { action: FulfilmentAction },
  config: unknown,
  actor: TaskActor,
): Promise<boolean> {
  const settings = readEmailConfig(config);
  const mailedAt = new Date();
  const waiting = await tx.fulfilmentTask.updateMany({
    where: { id: task.id, status: "RUNNING" },
    data: { acceptedAt: mailedAt, reminders: 0, remindedAt: null },
  });
  if (waiting.count !== 1) return false;
  await enqueueMail(tx, {
    kind: "systemTask",
    locale: settings.locale,
    to: settings.to,
    params: await mailParams(tx, task, settings, mailedAt),
  });
  await auditTask(tx, task, actor, "task.mailed");
  return true;
}

const DAY_MS = 86_400_000;
const REMIND_PAGE = 500;

/**
 * Reminds the recipients of EMAIL tasks that still wait: once `remindEveryDays` have passed
 * since the mail or the last reminder, up to `maxReminders` times. Each reminder is claimed by a
 * conditional update of the task's count, so concurrent scans never send one twice.
 */
export async function remindEmailTasks(db: Db, now: Date): Promise<number> {
  // Every waiting task is looked at, a page at a time: one that has had all its reminders must
  // not keep newer ones out of a fixed-size batch.
  const waiting = [];
  for (let after: string | undefined; ;) {
    const page = await db.fulfilmentTask.findMany({
      where: {
        status: "RUNNING",
        acceptedAt: { not: null },
        system: { connector: "EMAIL" },
        ...(after ? { id: { gt: after } } : {}),
      },
      orderBy: { id: "asc" },
      take: REMIND_PAGE,
      select: {
        id: true,
        requestId: true,
        action: true,
        acceptedAt: true,
        reminders: true,
        remindedAt: true,
        request: { select: { reference: true } },
        system: { select: { key: true, config: true } },
      },
    });
    waiting.push(...page);
    if (page.length < REMIND_PAGE) break;
    after = page.at(-1)!.id;
  }
  let sent = 0;
  for (const task of waiting) {
    const parsed = ZEmailConfig.safeParse(task.system.config);
    if (!parsed.success || !task.acceptedAt) continue;
    const config = parsed.data;
    const last = task.remindedAt ?? task.acceptedAt;
    if (task.reminders >= config.maxReminders) continue;
    if (now.getTime() - last.getTime() < config.remindEveryDays * DAY_MS) continue;
    const mailedAt = task.acceptedAt;
    const done = await db.$transaction(async (tx) => {
      const claimed = await tx.fulfilmentTask.updateMany({
        where: {
          id: task.id,
          status: "RUNNING",
          acceptedAt: mailedAt,
          reminders: task.reminders,
        },
        data: { reminders: { increment: 1 }, remindedAt: now },
      });
      if (claimed.count !== 1) return false;
      await enqueueMail(tx, {
        kind: "systemTaskReminder",
        locale: config.locale,
        to: config.to,
        params: {
          ...(await mailParams(tx, task, config, mailedAt)),
          count: task.reminders + 1,
        },
      });
      await auditTask(tx, task, null, "task.remind", { reminder: task.reminders + 1 });
      return true;
    });
    if (done) sent += 1;
  }
  return sent;
}

/**
 * The EMAIL connector behind the kit's interface (../connector.ts): every action is mailed and
 * waits for its recipient. The connection test checks the settings and that the mail transport
 * takes mail (the SMTP server answers and accepts the login).
 */
export const emailConnector = uniform(
  "EMAIL",
  async (run) => {
    const task = { ...run.task, action: run.ctx.task.action };
    await run.db.$transaction((tx) => mailEmailTask(tx, task, run.ctx.system.config, run.actor));
    return { kind: "waiting" };
  },
  async (_db, system) => {
    if (!ZEmailConfig.safeParse(system.config).success) return { ok: false, problem: "bad_config" };
    return (await verifyMailTransport())
      ? { ok: true }
      : { ok: false, problem: "mail_unreachable" };
  },
);
