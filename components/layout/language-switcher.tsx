"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { useI18n } from "@/components/i18n/i18n-provider";

export function LanguageSwitcher() {
  const { locale, t } = useI18n();
  const pathname = usePathname();
  const other = locale === "ja" ? "en" : "ja";
  const rest = pathname.split("/").slice(2).join("/");
  return (
    <Link
      href={`/${other}${rest ? `/${rest}` : ""}`}
      lang={other}
      hrefLang={other}
      aria-label={`${t("app.language")}: ${t("app.switchTo")}`}
    >
      {t("app.switchTo")}
    </Link>
  );
}
