import type { Locale } from "./config";
import type { Messages } from "./messages/ja";
import { getMessages } from "./translate";

// The catalogue sections client components translate with; only these travel to the browser, so
// a page's HTML does not carry the whole catalogue. lib/i18n/client-messages.test.ts fails when a
// client component uses a section that is not listed here.
export const CLIENT_SECTIONS = [
  "app",
  "channel",
  "deadlines",
  "extensions",
  "fees",
  "decisions",
  "disclosurePackage",
  "drp",
  "errors",
  "fulfilment",
  "gpc",
  "identity",
  "integration",
  "jurisdictions",
  "lawEnforcement",
  "manager",
  "messages",
  "method",
  "noticeVersions",
  "outcome",
  "passkeys",
  "queue",
  "recipientClass",
  "request",
  "requestForm",
  "requestType",
  "review",
  "settingsDataMap",
  "settingsSql",
  "settingsBrand",
  "settingsPolicies",
  "signIn",
  "staff",
  "systemTask",
  "transferSafeguard",
  "validation",
] as const satisfies readonly (keyof Messages)[];

export type ClientSection = (typeof CLIENT_SECTIONS)[number];
export type ClientMessages = Pick<Messages, ClientSection>;

/**
 * What every page's client components get from the layout. Pages that render other client
 * components add those components' sections with <ClientSections> (components/i18n), so a page
 * carries only the text its own forms use (lib/i18n/client-messages.test.ts checks this).
 */
export const BASE_CLIENT_SECTIONS = [
  "app",
  "errors",
  "validation",
] as const satisfies readonly ClientSection[];

export function getClientMessages(
  locale: Locale,
  sections: readonly ClientSection[] = BASE_CLIENT_SECTIONS,
): Partial<ClientMessages> {
  const all = getMessages(locale);
  return Object.fromEntries(sections.map((s) => [s, all[s]]));
}
