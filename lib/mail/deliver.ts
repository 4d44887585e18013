import nodemailer from "nodemailer";

import type { Db } from "@/lib/db";
import { getEnv } from "@/lib/env";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The same content as HTML (lib/mail/layout.ts); sent as multipart/alternative beside the text. */
  html?: string;
  /** Until when the mail's content is any use (a sign-in link): the dev mailbox drops it then. */
  expiresAt?: Date;
}

let transport: nodemailer.Transporter | undefined;

/**
 * Sends one mail: by SMTP when SMTP_URL is set; in demo mode without it, into the demo mailbox
 * (DevMail, shown by /[locale]/dev/mailbox), where a mail that expires (a sign-in link) is kept
 * only until it does. Outside demo mode SMTP_URL is required at start-up (lib/env.ts).
 */
export async function deliverMail(db: Db, mail: Mail): Promise<void> {
  const env = getEnv();
  if (!env.SMTP_URL) {
    if (!env.DEMO_MODE) throw new Error("no mail transport: SMTP_URL is not set");
    await db.$transaction([
      pruneDevMail(db),
      db.devMail.create({
        data: {
          to: mail.to.toLowerCase(),
          subject: mail.subject,
          text: mail.text,
          html: mail.html ?? null,
          expiresAt: mail.expiresAt ?? null,
        },
      }),
    ]);
    return;
  }
  transport ??= nodemailer.createTransport(env.SMTP_URL);
  const result = (await transport.sendMail({
    from: env.MAIL_FROM,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
  })) as {
    rejected: unknown[];
  };
  if (result.rejected.length > 0) throw new Error("SMTP server rejected the recipient");
}

/**
 * Whether mail can go out: the SMTP server answers and accepts the login (nodemailer's verify);
 * in demo mode without SMTP_URL, the dev mailbox always takes mail.
 */
export async function verifyMailTransport(): Promise<boolean> {
  const env = getEnv();
  if (!env.SMTP_URL) return env.DEMO_MODE;
  transport ??= nodemailer.createTransport(env.SMTP_URL);
  try {
    return await transport.verify();
  } catch {
    return false;
  }
}

/** Removes the dev mailbox's mails whose content has expired (sign-in links past their validity). */
export function pruneDevMail(db: Pick<Db, "devMail">, now = new Date()) {
  return db.devMail.deleteMany({ where: { expiresAt: { lt: now } } });
}
