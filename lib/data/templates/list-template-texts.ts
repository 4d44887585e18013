import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { locales, type Locale } from "@/lib/i18n/config";

import { defaultTemplate, requiredPlaceholders } from "./default-template";
import { TEMPLATE_KEYS, type TemplateKey } from "@/lib/requests/template-keys";

export interface TemplateText {
  key: TemplateKey;
  locale: Locale;
  /** Whether the organisation wrote its own wording (a MessageTemplate row) or the default applies. */
  own: boolean;
  subject: string;
  body: string;
  required: string[];
}

/** Every known template in every language, as managers edit them: own wording or the default. */
export async function listTemplateTexts(options: { actor: Actor }): Promise<TemplateText[]> {
  if (!can(options.actor.role, "policy:configure")) throw new AppError("FORBIDDEN");
  const rows = await getDb().messageTemplate.findMany({
    where: { key: { in: TEMPLATE_KEYS } },
    select: { key: true, locale: true, subject: true, body: true },
  });
  return TEMPLATE_KEYS.flatMap((key) =>
    locales.map((locale) => {
      const own = rows.find((r) => r.key === key && r.locale === locale);
      const text = own ?? defaultTemplate(key, locale);
      return {
        key,
        locale,
        own: !!own,
        subject: text.subject,
        body: text.body,
        required: requiredPlaceholders(key, locale),
      };
    }),
  );
}
