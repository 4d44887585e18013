import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { getTranslator, isMessageKey, type MessageParams } from "@/lib/i18n/translate";

import { complaintParagraph, type ComplaintAuthority } from "@/lib/requests/complaints";

import type { Mail } from "./deliver";

// Every mail the portal sends, in the recipient's language, from the catalogues.
export type MailKind =
  | "signIn"
  | "requestReceived"
  | "requestStatusChanged"
  | "newMessage"
  | "reminderDue3"
  | "reminderOverdue"
  | "reminderExtensionNotice"
  | "extensionNotice";

const KEYS = {
  signIn: { subject: "mail.signIn.subject", body: "mail.signIn.body" },
  requestReceived: { subject: "mail.requestReceived.subject", body: "mail.requestReceived.body" },
  newMessage: { subject: "mail.newMessage.subject", body: "mail.newMessage.body" },
  requestStatusChanged: {
    subject: "mail.requestStatusChanged.subject",
    body: "mail.requestStatusChanged.body",
  },
  reminderDue3: { subject: "mail.reminderDue3.subject", body: "mail.reminderDue3.body" },
  reminderOverdue: { subject: "mail.reminderOverdue.subject", body: "mail.reminderOverdue.body" },
  reminderExtensionNotice: {
    subject: "mail.reminderExtensionNotice.subject",
    body: "mail.reminderExtensionNotice.body",
  },
  extensionNotice: { subject: "mail.extensionNotice.subject", body: "mail.extensionNotice.body" },
} as const;

/**
 * Where to complain, after a refusal or an extension: the job carries the authorities (both
 * languages, lib/requests/complaints.ts) and the mail names them in the reader's.
 */
function complaintText(locale: Locale, raw: unknown): string {
  if (typeof raw !== "string") return "";
  return `\n\n${complaintParagraph(locale, JSON.parse(raw) as ComplaintAuthority[])}`;
}

export function renderMail(input: {
  kind: MailKind;
  locale: Locale;
  to: string;
  params: MessageParams;
}): Mail {
  const t = getTranslator(input.locale);
  const keys = KEYS[input.kind];
  // Jobs carry raw values; dates and statuses are put into words here, in the reader's language.
  const params: MessageParams = { ...input.params };
  // A due date is written in the reader's time zone when the job carries one (dueZone).
  if (typeof params.dueDate === "string") {
    const zone = typeof params.dueZone === "string" ? params.dueZone : undefined;
    params.dueDate = formatDate(input.locale, params.dueDate, zone);
  }
  const statusKey = `status.${String(params.status)}`;
  if (params.status !== undefined && isMessageKey(statusKey)) params.status = t(statusKey);
  return {
    to: input.to,
    subject: t(keys.subject, params),
    text: `${t(keys.body, params)}${complaintText(input.locale, params.complaint)}\n\n${t("mail.footer")}`,
  };
}
