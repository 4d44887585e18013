import type { Locale } from "./config";
import type { Messages } from "./messages/ja";
import { getMessages } from "./translate";

// The catalogue sections client components translate with; only these travel to the browser, so
// a page's HTML does not carry the whole catalogue. lib/i18n/client-messages.test.ts fails when a
// client component uses a section that is not listed here.
export const CLIENT_SECTIONS = [
  "app",
  "errors",
  "identity",
  "manager",
  "messages",
  "method",
  "outcome",
  "recipientClass",
  "request",
  "requestForm",
  "signIn",
  "staff",
  "validation",
] as const satisfies readonly (keyof Messages)[];

export type ClientMessages = Pick<Messages, (typeof CLIENT_SECTIONS)[number]>;

export function getClientMessages(locale: Locale): ClientMessages {
  const all = getMessages(locale);
  return Object.fromEntries(CLIENT_SECTIONS.map((s) => [s, all[s]])) as ClientMessages;
}
