import { createHash, randomBytes } from "node:crypto";

import type { PgBoss } from "pg-boss";

import { recordAudit } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";
import { outboundAllow, outboundRequest } from "@/lib/http/outbound";
import { QUEUES, sendInTx } from "@/lib/jobs/boss";
import { readBrand } from "@/lib/brand/read-brand";
import { deliverMail } from "@/lib/mail/deliver";
import { mailHtml, mailText } from "@/lib/mail/layout";

import { appBaseUrl } from "./engine/base-url";
import { signBody } from "./engine/signature";

// Onward notices that really go out (GDPR Art.19). The engine creates a notice and, in the same
// transaction, a job holding only its id. The job makes a fresh link token (only its SHA-256 is
// stored, so a database read cannot confirm on a recipient's behalf), mails the recipient's notice
// address the link, and marks the notice sent once the mail is accepted; a failure is retried
// with backoff, each attempt replacing the token. The recipient opens the link to see what
// changed for whom and confirms (lib/data/fulfilment/notices.ts).
//
// A recipient whose system takes notices (a webhook URL with a signing secret) is POSTed a JSON
// body signed like the HTTP connector's tasks (engine/signature.ts), under the outbound rules
// (lib/http/outbound.ts), instead of a mail. Like the mail it carries no personal data, only the
// links: `details` answers the notice as JSON and `confirm` takes a POST, both authorised by the
// token (app/api/notices/). A non-2xx answer is retried.

export const ONWARD_NOTICE_QUEUE = QUEUES.onwardNotice;
/** How long a notice link opens the notice. */
export const NOTICE_LINK_DAYS = 90;

export const hashNoticeToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Queues the mail of one notice in the caller's transaction. */
export async function enqueueOnwardNotice(tx: Tx, noticeId: string): Promise<void> {
  await sendInTx(tx, ONWARD_NOTICE_QUEUE, { noticeId }, { singletonKey: `notice:${noticeId}` });
}

export type NoticeChannel = "WEBHOOK" | "EMAIL" | "NONE";

/** How a recipient is told: its signed webhook when it has one ready, else its mail address. */
export function noticeChannel(recipient: {
  noticeEmail: string | null;
  noticeWebhookUrl: string | null;
  noticeWebhookSecret: string | null;
}): NoticeChannel {
  if (recipient.noticeWebhookUrl && recipient.noticeWebhookSecret) return "WEBHOOK";
  return recipient.noticeEmail ? "EMAIL" : "NONE";
}

const WEBHOOK_TIMEOUT_MS = 10_000;

/** A recipient abroad reads English; one in Japan, Japanese. */
const localeOf = (recipientClass: string): Locale =>
  recipientClass === "FOREIGN_THIRD_PARTY" ? "en" : "ja";

/**
 * Sends one notice by its recipient's channel. "skipped" when it was already sent or its
 * recipient has no channel (nothing a retry would change); throws, for pg-boss to retry, when the
 * mail or the webhook call is not accepted.
 */
export async function deliverOnwardNotice(db: Db, noticeId: string): Promise<"sent" | "skipped"> {
  const notice = await db.recipientNotice.findUnique({
    where: { id: noticeId },
    select: {
      id: true,
      kind: true,
      sentAt: true,
      closedAt: true,
      requestId: true,
      recipientId: true,
      recipient: {
        select: {
          key: true,
          noticeEmail: true,
          noticeWebhookUrl: true,
          noticeWebhookSecret: true,
          nameJa: true,
          nameEn: true,
          recipientClass: true,
        },
      },
    },
  });
  // Sent already, closed by a manager meanwhile, or nowhere to send: a retry changes nothing.
  if (!notice || notice.sentAt || notice.closedAt) return "skipped";
  const channel = noticeChannel(notice.recipient);
  if (channel === "NONE") return "skipped";
  const token = randomBytes(32).toString("base64url");
  const armed = await db.recipientNotice.updateMany({
    where: { id: notice.id, sentAt: null, closedAt: null },
    data: { tokenHash: hashNoticeToken(token) },
  });
  if (armed.count !== 1) return "skipped";
  const locale = localeOf(notice.recipient.recipientClass);
  const organisation = await db.organisation.findFirst({ select: { nameJa: true, nameEn: true } });
  const organisationName = (locale === "ja" ? organisation?.nameJa : organisation?.nameEn) ?? "";
  const base = appBaseUrl();
  const page = `${base}/${locale}/notices/${token}`;
  let sentTo: string;
  if (channel === "WEBHOOK") {
    const url = notice.recipient.noticeWebhookUrl as string;
    const body = JSON.stringify({
      event: "onward_notice",
      id: notice.id,
      kind: notice.kind,
      organisation: organisationName,
      recipient: notice.recipient.key,
      links: {
        page,
        details: `${base}/api/notices/${token}`,
        confirm: `${base}/api/notices/${token}/confirm`,
      },
      expiresInDays: NOTICE_LINK_DAYS,
    });
    const response = await outboundRequest(url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        ...signBody({ secret: notice.recipient.noticeWebhookSecret as string, body }),
      },
      body,
      timeoutMs: WEBHOOK_TIMEOUT_MS,
      maxBytes: 64 * 1024,
      read: false,
      allow: outboundAllow(),
    });
    if (response.status < 200 || response.status >= 300)
      throw new Error(`notice webhook answered ${response.status}`);
    sentTo = url;
  } else {
    const to = notice.recipient.noticeEmail as string;
    const t = getTranslator(locale);
    const params = {
      organisation: organisationName,
      recipient: locale === "ja" ? notice.recipient.nameJa : notice.recipient.nameEn,
      action: t(`fulfilment.notices.kind.${notice.kind}`),
      url: page,
      days: NOTICE_LINK_DAYS,
    };
    // The shared layout (lib/mail/layout.ts): text and HTML, signed by the organisation's desk.
    const content = {
      locale,
      paragraphs: t("fulfilment.onward.mail.body", params).split("\n\n"),
      brand: await readBrand(),
    };
    const subject = t("fulfilment.onward.mail.subject", params);
    await deliverMail(db, {
      to,
      subject,
      text: mailText(content),
      html: mailHtml(content, subject),
    });
    sentTo = to;
  }
  await db.$transaction(async (tx) => {
    const sent = await tx.recipientNotice.updateMany({
      where: { id: notice.id, sentAt: null },
      data: { sentAt: new Date(), sentTo },
    });
    if (sent.count === 1)
      await recordAudit(tx, {
        actorId: null,
        actorRole: null,
        action: "recipient-notice.send",
        entityType: "RecipientNotice",
        entityId: notice.id,
        requestId: notice.requestId,
        data: { recipientId: notice.recipientId, kind: notice.kind, channel },
      });
  });
  return "sent";
}

export async function registerOnwardNoticeJobs(boss: PgBoss, db: Db): Promise<void> {
  await boss.work<{ noticeId: string }>(
    ONWARD_NOTICE_QUEUE,
    { pollingIntervalSeconds: 1, batchSize: 1 },
    async ([job]) => {
      if (job) await deliverOnwardNotice(db, job.data.noticeId);
    },
  );
}
