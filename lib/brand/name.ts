import type { Brand } from "@/lib/brand/read-brand";
import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";

/** The portal's name in a language: the organisation's own where a manager set one. */
export function portalName(brand: Pick<Brand, "portalName">, locale: Locale, t: Translate): string {
  return brand.portalName[locale] ?? t("app.name");
}
