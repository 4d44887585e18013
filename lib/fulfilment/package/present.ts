import { REQUEST_TYPES } from "@/lib/requests/vocabulary";
import { isMessageKey, type Translate } from "@/lib/i18n/translate";

import type { PackageGap, RecipientEntry } from "./types";

// Small helpers the readable writers (HTML, PDF) share: labels from the catalogues and dates in
// Japan time, cheap enough to call 100,000 times.

const JST_MS = 9 * 3_600_000;

// Calendar days after a given day (YYYY-MM-DD), computed once per day seen.
const nextDays = new Map<string, string>();

function nextDay(day: string): string {
  let next = nextDays.get(day);
  if (next === undefined) {
    next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    if (nextDays.size < 100_000) nextDays.set(day, next);
  }
  return next;
}

/** YYYY-MM-DD in Japan time, from an ISO instant (or "" when there is none or it is invalid). */
export function jstDay(value: string | Date | null): string {
  if (!value) return "";
  // A UTC ISO instant needs no parsing: before 15:00 it is the same day in Japan, else the next.
  if (typeof value === "string" && value.length >= 20 && value[10] === "T" && value.endsWith("Z")) {
    const day = value.slice(0, 10);
    const hour = Number(value.slice(11, 13));
    if (/^\d{4}-\d{2}-\d{2}$/.test(day) && hour >= 0 && hour < 24)
      return hour < 15 ? day : nextDay(day);
  }
  const ms = typeof value === "string" ? Date.parse(value) : value.getTime();
  return Number.isNaN(ms) ? "" : new Date(ms + JST_MS).toISOString().slice(0, 10);
}

/** The way an item was obtained, in the reader's language; a connector's own word as it is. */
export function sourceLabel(t: Translate, source: string): string {
  const key = `disclosurePackage.source.${source}`;
  return isMessageKey(key) ? t(key) : source;
}

export function recipientClassLabel(t: Translate, recipientClass: string): string {
  const key = `recipientClass.${recipientClass}`;
  return isMessageKey(key) ? t(key) : recipientClass;
}

/** The rights the person has (the six request types) with one line each, from the catalogue. */
export function rightsList(t: Translate): { name: string; help: string }[] {
  return REQUEST_TYPES.map((type) => ({
    name: t(`requestType.${type}`),
    help: t(`requestTypeHelp.${type}`),
  }));
}

/** One line per system whose data could not be gathered, in the reader's language. */
export function gapLines(t: Translate, gaps: readonly PackageGap[]): string[] {
  return gaps.map((g) =>
    t("disclosurePackage.gaps.line", {
      system: g.system,
      reason: t(`disclosurePackage.gaps.${g.reason}`),
    }),
  );
}

/** A transfer's safeguard as the person reads it (GDPR Art.15(2)); null where neither GDPR applies. */
export function safeguardLine(t: Translate, foreign: RecipientEntry["foreign"]): string | null {
  if (!foreign || foreign.safeguard === undefined) return null;
  const safeguard = foreign.safeguard ?? t("transferSafeguard.none");
  return `${t("disclosurePackage.col.safeguard")}: ${safeguard}`;
}
