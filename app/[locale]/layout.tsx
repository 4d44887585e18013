// The shipped faces (issue 15): Inter for Latin here, Noto Sans JP after the first paint
// (components/fonts/japanese-face.tsx), both variable and cut into unicode-range slices, so a
// page loads only the slices its text uses; font-display: swap.
import "@fontsource-variable/inter";
import "../globals.css";

import type { Metadata } from "next";
import type { CSSProperties, ReactNode } from "react";

import { JapaneseFace } from "@/components/fonts/japanese-face";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { Toaster } from "@/components/ui/toast";
import { loadBrand } from "@/lib/brand/load-brand";
import { portalName } from "@/lib/brand/name";
import { toLocale } from "@/lib/i18n/config";
import { getClientMessages } from "@/lib/i18n/client-messages";
import { getTranslator } from "@/lib/i18n/translate";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  return {
    title: portalName(await loadBrand(), locale, t),
    // public/: the ICO for browsers that ask for /favicon.ico, the SVG for those that take it.
    icons: {
      icon: [
        { url: "/favicon.ico", sizes: "any" },
        { url: "/brand/icon.svg", type: "image/svg+xml" },
      ],
    },
  };
}

export default async function LocaleLayout(props: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const locale = toLocale((await props.params).locale);
  const t = getTranslator(locale);
  const brand = await loadBrand();
  // The organisation's colour replaces the default brand token (app/globals.css); the other
  // brand tokens are mixed from it. Checked legible on white when saved (lib/validation/brand.ts).
  const style = brand.colour ? ({ "--brand": brand.colour } as CSSProperties) : undefined;
  return (
    <html lang={locale} style={style}>
      <body>
        <a className="skip" href="#main">
          {t("app.skipToContent")}
        </a>
        <I18nProvider locale={locale} messages={getClientMessages(locale)}>
          <SiteHeader locale={locale} brand={brand} />
          <main id="main">{props.children}</main>
          <SiteFooter locale={locale} brand={brand} />
          <Toaster />
        </I18nProvider>
        <JapaneseFace />
      </body>
    </html>
  );
}
