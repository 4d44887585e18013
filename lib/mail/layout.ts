import { portalName } from "@/lib/brand/name";
import type { Brand } from "@/lib/brand/read-brand";
import { escapeHtml } from "@/lib/html/markup";
import type { Locale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";

// The one layout of every mail the portal sends (issue 15): the same content written twice, as
// plain text and as HTML, so that a mail client shows either and they never disagree. Addressed
// to the person where their name is known, signed by the organisation's desk (white-label brand).

export interface MailContent {
  locale: Locale;
  /** The reader's name; the mail opens with it ("{name} 様") when known. */
  addressee?: string | null;
  /** The body: paragraphs, each possibly several lines. */
  paragraphs: string[];
  /** The one thing to do, as a button in HTML and a labelled link in text. */
  action?: { label: string; url: string };
  brand: Brand | null;
}

const DEFAULT_COLOUR = "#0b5cab";
const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;

/** The portal's name as the mail writes it: the brand's (lib/brand/name.ts), else the catalogue's. */
function portalOf(content: MailContent): string {
  const t = getTranslator(content.locale);
  return content.brand ? portalName(content.brand, content.locale, t) : t("app.name");
}

/** The signature's lines: portal, organisation and desk, address, contact, then why this mail came. */
function signature(content: MailContent): string[] {
  const t = getTranslator(content.locale);
  const { brand, locale } = content;
  const portal = portalOf(content);
  const organisation = [brand?.organisationName[locale], brand?.department[locale]]
    .filter(Boolean)
    .join(" ");
  const contact = [brand?.contactEmail, brand?.contactPhone].filter(Boolean).join(" / ");
  return [
    portal,
    organisation,
    brand?.address[locale] ?? "",
    contact ? t("mail.contact", { contact }) : "",
    t("mail.footer", { portal }),
  ].filter(Boolean);
}

export function mailText(content: MailContent): string {
  const t = getTranslator(content.locale);
  const parts: string[] = [];
  if (content.addressee) parts.push(t("mail.greeting", { name: content.addressee }));
  parts.push(...content.paragraphs);
  if (content.action) parts.push(`▼ ${content.action.label}\n${content.action.url}`);
  parts.push(`${"―".repeat(24)}\n${signature(content).join("\n")}`);
  return parts.join("\n\n");
}

/** Escapes a paragraph and turns its links into anchors and its line breaks into <br>. */
function paragraphHtml(text: string, colour: string): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0];
    out += escapeHtml(text.slice(last, match.index));
    out += `<a href="${escapeHtml(url)}" style="color:${colour};word-break:break-all">${escapeHtml(url)}</a>`;
    last = match.index + url.length;
  }
  out += escapeHtml(text.slice(last));
  return out.replace(/\n/g, "<br>");
}

export function mailHtml(content: MailContent, subject: string): string {
  const t = getTranslator(content.locale);
  const colour = content.brand?.colour ?? DEFAULT_COLOUR;
  const portal = portalOf(content);
  const p = (html: string) => `<p style="margin:0 0 16px">${html}</p>`;
  const body = [
    content.addressee ? p(escapeHtml(t("mail.greeting", { name: content.addressee }))) : "",
    ...content.paragraphs.map((text) => p(paragraphHtml(text, colour))),
    content.action
      ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="display:inline-block;background:${colour};color:#ffffff;text-decoration:none;font-weight:bold;padding:12px 24px;border-radius:6px">${escapeHtml(content.action.label)}</a></p>` +
        p(
          `<span style="font-size:12px;color:#4b5563">${paragraphHtml(content.action.url, colour)}</span>`,
        )
      : "",
  ].join("");
  const [name, ...rest] = signature(content);
  const foot = [
    `<strong>${escapeHtml(name ?? "")}</strong>`,
    ...rest.map((line) => paragraphHtml(line, colour)),
  ].join("<br>");
  return `<!doctype html>
<html lang="${content.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f6f7f9">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f6f7f9"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border:1px solid #d5dae1;border-radius:8px;font-family:'Hiragino Sans','Noto Sans JP','Yu Gothic',Meiryo,Arial,sans-serif;font-size:15px;line-height:1.8;color:#16191d">
<tr><td style="border-top:6px solid ${colour};border-radius:8px 8px 0 0;padding:20px 28px 0;font-weight:bold;font-size:16px">${escapeHtml(portal)}</td></tr>
<tr><td style="padding:20px 28px 8px">${body}</td></tr>
<tr><td style="padding:16px 28px 24px;border-top:1px solid #d5dae1;font-size:12px;line-height:1.7;color:#4b5563">${foot}</td></tr>
</table></td></tr></table>
</body></html>`;
}
