import "server-only";

import type { Locale } from "@/lib/i18n/config";
import { getMessages } from "@/lib/i18n/translate";
import { placeholdersIn } from "@/lib/validation/policies-config";

import type { TemplateKey } from "@/lib/requests/template-keys";

/** The catalogue's default wording of a template, placeholders unfilled. */
export function defaultTemplate(key: TemplateKey, locale: Locale) {
  return getMessages(locale).decisions.templates[key];
}

/**
 * The placeholders the default wording uses: an organisation's own wording keeps them (in its
 * subject or body), so a message still names the request, its due date and its addressee.
 */
export function requiredPlaceholders(key: TemplateKey, locale: Locale): string[] {
  const { subject, body } = defaultTemplate(key, locale);
  return [...new Set([...(placeholdersIn(subject) ?? []), ...(placeholdersIn(body) ?? [])])];
}
