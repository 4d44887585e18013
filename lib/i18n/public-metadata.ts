import type { Metadata } from "next";

import { loadBrand } from "@/lib/brand/load-brand";
import { portalName } from "@/lib/brand/name";
import { appBaseUrl } from "@/lib/fulfilment/engine/base-url";

import { toLocale, type Locale } from "./config";
import { getTranslator, type MessageKey, type Translate } from "./translate";

/**
 * What search engines need of a public page (issue 15, SEO): its title and description, its
 * canonical address at the portal's public URL (AUTH_URL) and the same page in the other
 * language (hreflang), Japanese being the default.
 */
export function publicMetadata(options: {
  locale: Locale;
  /** The path after the locale: "" for the landing page, "/privacy", … */
  path: string;
  title: string;
  description: string;
}): Metadata {
  const { locale, path, title, description } = options;
  return {
    title,
    description,
    metadataBase: new URL(appBaseUrl()),
    alternates: {
      canonical: `/${locale}${path}`,
      languages: { ja: `/ja${path}`, en: `/en${path}`, "x-default": `/ja${path}` },
    },
  };
}

/**
 * A public page's `generateMetadata`: its path after the locale, its title from the catalogue and
 * the portal's name (the organisation's own where set), and its description's key.
 */
export function publicPageMetadata(
  path: string,
  title: (t: Translate, name: string) => string,
  description: MessageKey,
) {
  return async ({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> => {
    const locale = toLocale((await params).locale);
    const t = getTranslator(locale);
    const name = portalName(await loadBrand(), locale, t);
    return publicMetadata({ locale, path, title: title(t, name), description: t(description) });
  };
}

/**
 * The `generateMetadata` of a page opened by a link's secret (an onward notice, a system's task):
 * its title and the portal's name, never indexed, and no referrer, so the link leaves nowhere.
 */
export function linkPageMetadata(titleKey: MessageKey) {
  return async ({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> => {
    const locale = toLocale((await params).locale);
    const t = getTranslator(locale);
    return {
      title: `${t(titleKey)} | ${portalName(await loadBrand(), locale, t)}`,
      referrer: "no-referrer",
      robots: { index: false, follow: false },
    };
  };
}
