import nodemailer from "nodemailer";

import type { Db } from "@/lib/db";
import { getEnv } from "@/lib/env";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

let transport: nodemailer.Transporter | undefined;

/**
 * Sends one mail: by SMTP when SMTP_URL is set, otherwise into the demo mailbox (DevMail), which
 * /[locale]/dev/mailbox shows in demo mode only.
 */
export async function deliverMail(db: Db, mail: Mail): Promise<void> {
  const env = getEnv();
  if (!env.SMTP_URL) {
    await db.devMail.create({
      data: { to: mail.to.toLowerCase(), subject: mail.subject, text: mail.text },
    });
    return;
  }
  transport ??= nodemailer.createTransport(env.SMTP_URL);
  const result = (await transport.sendMail({ from: env.MAIL_FROM, ...mail })) as {
    rejected: unknown[];
  };
  if (result.rejected.length > 0) throw new Error("SMTP server rejected the recipient");
}
