import Link from "next/link";

import type { Locale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";

export function Forbidden({ locale }: { locale: Locale }) {
  const t = getTranslator(locale);
  return (
    <section aria-labelledby="forbidden-title">
      <h1 id="forbidden-title">{t("errors.forbiddenTitle")}</h1>
      <p role="alert">{t("errors.forbidden")}</p>
      <Link href={`/${locale}`}>{t("errors.backHome")}</Link>
    </section>
  );
}
