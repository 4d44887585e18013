import type { Metadata } from "next";

import { appBaseUrl } from "@/lib/fulfilment/engine/base-url";

import type { Locale } from "./config";

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
