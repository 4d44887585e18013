"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";

import type { Locale } from "@/lib/i18n/config";
import type { ClientMessages } from "@/lib/i18n/client-messages";
import { loadedSection } from "@/lib/i18n/lazy-sections";
import { format, type MessageParams } from "@/lib/i18n/interpolate";
import type { MessageKey, Translate } from "@/lib/i18n/translate";

type Context = { locale: Locale; t: Translate; messages: Partial<ClientMessages> };

const I18nContext = createContext<Context | null>(null);

function lookup(messages: object | undefined, parts: readonly string[]): string | undefined {
  let node: unknown = messages;
  for (const part of parts) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** Provides catalogue sections to client components; a nested provider adds to its parent's. */
export function I18nProvider(props: {
  locale: Locale;
  messages: Partial<ClientMessages>;
  children: ReactNode;
}) {
  const { locale, children } = props;
  const parent = useContext(I18nContext);
  const value = useMemo(() => {
    const messages = { ...parent?.messages, ...props.messages };
    // The page's sections first, then those loaded with a deferred form (lib/i18n/lazy-sections).
    const t: Translate = (key: MessageKey, params?: MessageParams) => {
      const parts = key.split(".");
      const text =
        lookup(messages, parts) ?? lookup(loadedSection(locale, parts[0]!), parts.slice(1));
      return format(text ?? key, params, locale);
    };
    return { locale, t, messages };
  }, [locale, parent, props.messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n() {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}
