import type { Locale } from "./config";
import { format, type MessageParams } from "./interpolate";
import { en } from "./messages/en";
import { ja, type Messages } from "./messages/ja";

// Dotted paths to every string leaf of the catalogue, e.g. "request.type.DISCLOSURE".
type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Messages>;
export { format, type MessageParams };
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const catalogues: Record<Locale, Messages> = { ja, en };

function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** A translator for one locale. Unknown keys come back as the key itself, never as blank text. */
export function getTranslator(locale: Locale): Translate {
  const messages = catalogues[locale];
  return (key, params) => format(lookup(messages, key) ?? key, params, locale);
}

/** Whether a string is a catalogue key (zod issues carry keys, see lib/validation). */
export function isMessageKey(value: string): value is MessageKey {
  return lookup(ja, value) !== undefined;
}

export function getMessages(locale: Locale): Messages {
  return catalogues[locale];
}
