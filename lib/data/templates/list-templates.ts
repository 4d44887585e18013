import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toLocale, type Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { format, getTranslator } from "@/lib/i18n/translate";

import { complaintAuthorities } from "../requests/complaint-authorities";
import { requestScope } from "../requests/get-request";

import { complaintParagraph } from "@/lib/requests/complaints";
import { templatesFor, type FilledTemplate, type TemplateKey } from "@/lib/requests/template-keys";

const COMPLAINT_LETTERS: readonly TemplateKey[] = ["refusal", "extensionNotice"];

/**
 * The message templates that fit a request, in the request's language, filled in with its
 * reference, due date and the addressee's name: the organisation's own wording (MessageTemplate)
 * where a manager wrote one, the catalogue's default otherwise.
 */
export async function listTemplates(options: {
  actor: Actor;
  reference: string;
}): Promise<{ locale: Locale; templates: FilledTemplate[] }> {
  const { actor, reference } = options;
  if (!can(actor.role, "request:message-any")) throw new AppError("FORBIDDEN");
  const db = getDb();
  const request = await db.request.findFirst({
    where: { AND: [{ reference }, requestScope(actor)] },
    select: {
      reference: true,
      type: true,
      locale: true,
      dueAt: true,
      extendedDueAt: true,
      jurisdictions: true,
      residenceCountry: true,
      filerRole: true,
      agentDetails: true,
      subject: { select: { familyName: true, givenName: true } },
    },
  });
  if (!request) throw new AppError("NOT_FOUND");
  const locale = toLocale(request.locale);
  const keys = templatesFor(request.type);
  const overrides = await db.messageTemplate.findMany({
    where: { locale, key: { in: keys } },
    select: { key: true, subject: true, body: true },
  });
  const t = getTranslator(locale);
  const params = {
    reference: request.reference,
    dueDate: formatDate(locale, request.extendedDueAt ?? request.dueAt),
    name: addresseeName(request),
  };
  // A refusal or an extension letter ends by saying where to complain (lib/requests/complaints.ts).
  const complaint = keys.some((k) => COMPLAINT_LETTERS.includes(k))
    ? `\n\n${complaintParagraph(locale, await complaintAuthorities(db, request))}`
    : "";
  const templates = keys.map((key) => {
    const own = overrides.find((o) => o.key === key);
    const body = own ? format(own.body, params) : t(`decisions.templates.${key}.body`, params);
    return {
      key,
      subject: own ? format(own.subject, params) : t(`decisions.templates.${key}.subject`, params),
      body: COMPLAINT_LETTERS.includes(key) ? `${body}${complaint}` : body,
    };
  });
  return { locale, templates };
}

/** Messages go to whoever filed: the agent when an agent filed, the person otherwise. */
function addresseeName(request: {
  filerRole: string;
  agentDetails: unknown;
  subject: { familyName: string; givenName: string };
}): string {
  const agent =
    request.filerRole !== "SELF" && request.agentDetails && typeof request.agentDetails === "object"
      ? (request.agentDetails as { agent?: { familyName?: unknown; givenName?: unknown } }).agent
      : undefined;
  if (typeof agent?.familyName === "string" && typeof agent.givenName === "string")
    return `${agent.familyName} ${agent.givenName}`.trim();
  return `${request.subject.familyName} ${request.subject.givenName}`.trim();
}
