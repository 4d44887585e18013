import Link from "next/link";

import { portalName } from "@/lib/brand/name";
import type { Brand } from "@/lib/brand/read-brand";
import type { Locale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";

/** The organisation behind the portal, its desk and how to reach it (white-label settings). */
export function SiteFooter({ locale, brand }: { locale: Locale; brand: Brand }) {
  const t = getTranslator(locale);
  const organisation = brand.organisationName[locale];
  const department = brand.department[locale];
  return (
    <footer className="site">
      <div className="bar">
        <p>
          <strong>{portalName(brand, locale, t)}</strong>
          {organisation && (
            <>
              {" · "}
              {organisation}
              {department && ` ${department}`}
            </>
          )}
        </p>
        {(brand.contactEmail || brand.contactPhone) && (
          <p>
            {t("app.contact")}:{" "}
            {brand.contactEmail && (
              <a href={`mailto:${brand.contactEmail}`}>{brand.contactEmail}</a>
            )}
            {brand.contactEmail && brand.contactPhone && " · "}
            {brand.contactPhone && <span>{brand.contactPhone}</span>}
          </p>
        )}
        <p>
          <Link href={`/${locale}/privacy`}>{t("nav.privacy")}</Link>
        </p>
      </div>
    </footer>
  );
}
