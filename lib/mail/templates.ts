import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { getTranslator, isMessageKey, type MessageParams } from "@/lib/i18n/translate";

import { complaintParagraph, type ComplaintAuthority } from "@/lib/requests/complaints";

import type { Brand } from "@/lib/brand/read-brand";

import type { Mail } from "./deliver";
import { mailHtml, mailText, type MailContent } from "./layout";

// Every mail the portal sends, in the recipient's language, from the catalogues.
export type MailKind =
  | "signIn"
  | "requestReceived"
  | "requestStatusChanged"
  | "newMessage"
  | "reminderDue3"
  | "reminderOverdue"
  | "reminderExtensionNotice"
  | "extensionNotice"
  | "systemTask"
  | "systemTaskReminder";

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
  systemTask: { subject: "mail.systemTask.subject", body: "mail.systemTask.body" },
  systemTaskReminder: {
    subject: "mail.systemTaskReminder.subject",
    body: "mail.systemTaskReminder.body",
  },
} as const;

/**
 * Where to complain, after a refusal or an extension: the job carries the authorities (both
 * languages, lib/requests/complaints.ts) and the mail names them in the reader's.
 */
function complaintText(locale: Locale, raw: unknown): string {
  if (typeof raw !== "string") return "";
  return complaintParagraph(locale, JSON.parse(raw) as ComplaintAuthority[]);
}

/** Where a mail's button leads: the requester's status page, the staff workspace, or the link. */
const ACTIONS: Partial<Record<MailKind, "requester" | "staff" | "signIn" | "systemTask">> = {
  signIn: "signIn",
  systemTask: "systemTask",
  systemTaskReminder: "systemTask",
  requestReceived: "requester",
  requestStatusChanged: "requester",
  newMessage: "requester",
  extensionNotice: "requester",
  reminderDue3: "staff",
  reminderOverdue: "staff",
  reminderExtensionNotice: "staff",
};

function actionOf(
  kind: MailKind,
  locale: Locale,
  params: MessageParams,
  baseUrl: string | undefined,
): MailContent["action"] {
  const t = getTranslator(locale);
  const action = ACTIONS[kind];
  if (action === "signIn" && typeof params.url === "string")
    return { label: t("mail.action.signIn"), url: params.url };
  // An EMAIL connector's task: the signed link that opens it (lib/fulfilment/engine/connectors/email).
  if (action === "systemTask" && typeof params.url === "string")
    return { label: t("mail.action.systemTask"), url: params.url };
  if (!baseUrl || typeof params.reference !== "string") return undefined;
  if (action === "requester")
    return {
      label: t("mail.action.requester"),
      url: `${baseUrl}/${locale}/me/requests/${params.reference}`,
    };
  if (action === "staff")
    return {
      label: t("mail.action.staff"),
      url: `${baseUrl}/${locale}/staff/requests/${params.reference}`,
    };
  return undefined;
}

/** What a mail needs beyond its job: the brand that signs it, the reader's name, the portal's URL. */
export interface MailContext {
  brand?: Brand | null;
  addressee?: string | null;
  baseUrl?: string;
}

export function renderMail(
  input: {
    kind: MailKind;
    locale: Locale;
    to: string;
    params: MessageParams;
  },
  context: MailContext = {},
): Mail {
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
  // The sign-in mail's link is its button; the body says what it is for.
  const body = t(keys.body, params);
  const content: MailContent = {
    locale: input.locale,
    addressee: context.addressee,
    paragraphs: [body, complaintText(input.locale, params.complaint)].filter(Boolean),
    action: actionOf(input.kind, input.locale, params, context.baseUrl),
    brand: context.brand ?? null,
  };
  const subject = t(keys.subject, params);
  return {
    to: input.to,
    subject,
    text: mailText(content),
    html: mailHtml(content, subject),
  };
}
