"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";

import type { Locale } from "@/lib/i18n/config";
import type { ClientMessages } from "@/lib/i18n/client-messages";
import { format, type MessageKey, type MessageParams, type Translate } from "@/lib/i18n/translate";

const I18nContext = createContext<{ locale: Locale; t: Translate } | null>(null);

function lookup(messages: ClientMessages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

export function I18nProvider(props: {
  locale: Locale;
  messages: ClientMessages;
  children: ReactNode;
}) {
  const { locale, messages, children } = props;
  const value = useMemo(() => {
    const t: Translate = (key: MessageKey, params?: MessageParams) =>
      format(lookup(messages, key) ?? key, params);
    return { locale, t };
  }, [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n() {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}
