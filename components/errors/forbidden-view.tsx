"use client";

import Link from "next/link";

import { useI18n } from "@/components/i18n/i18n-provider";

/** What a signed-in person sees on a page their role does not open (answered with 403). */
export function ForbiddenView() {
  const { locale, t } = useI18n();
  return (
    <section aria-labelledby="forbidden-title">
      <h1 id="forbidden-title">{t("errors.forbiddenTitle")}</h1>
      <p role="alert">{t("errors.forbidden")}</p>
      <Link href={`/${locale}`}>{t("errors.backHome")}</Link>
    </section>
  );
}
