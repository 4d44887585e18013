import type { ReactNode } from "react";

import { getClientMessages, type ClientSection } from "@/lib/i18n/client-messages";
import type { Locale } from "@/lib/i18n/config";

import { I18nProvider } from "./i18n-provider";

/**
 * The catalogue sections a page's client components translate with, beyond the layout's base
 * ones (lib/i18n/client-messages.ts). Write the list literally: lib/i18n/client-messages.test.ts
 * reads it and checks it against the client components the page imports.
 */
export function ClientSections(props: {
  locale: Locale;
  sections: readonly ClientSection[];
  children: ReactNode;
}) {
  return (
    <I18nProvider locale={props.locale} messages={getClientMessages(props.locale, props.sections)}>
      {props.children}
    </I18nProvider>
  );
}
