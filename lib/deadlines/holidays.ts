import holidayJp from "@holiday-jp/holiday_jp";

import type { Jurisdiction } from "@/lib/generated/prisma/enums";

import { zoneFor, type TimeZone } from "./calendar";
import { addPeriod, type DeadlineRule } from "./compute";

// Japanese public holidays (国民の祝日, substitute holidays 振替休日 and citizens' holidays 国民の休日)
// from @holiday-jp/holiday_jp, whose table ships inside the package (no network), through 2050.
// The year-end closure (年末年始) is a company custom, not a public holiday, so it is not here.

const table = holidayJp.holidays as Readonly<Record<string, unknown>>;

/**
 * Whether a Japanese calendar date is a public holiday. The date is the UTC-midnight Date that
 * compute.ts uses for a JST calendar day, so the key is read from its UTC fields; the package's
 * own isHoliday reads local time and would depend on the server's time zone.
 */
export function isJapaneseHoliday(date: Date): boolean {
  return table[date.toISOString().slice(0, 10)] !== undefined;
}

export const noHolidays = (): boolean => false;

/** Japan's business days skip Japanese public holidays; elsewhere only weekends. */
export function holidaysFor(jurisdiction: Jurisdiction): (date: Date) => boolean {
  return jurisdiction === "JP" ? isJapaneseHoliday : noHolidays;
}

/**
 * A jurisdiction's period from an instant: counted on its own business days, from the local day of
 * `start` in `zone` (the jurisdiction's own zone unless the caller knows the member state's).
 */
export function periodFor(
  jurisdiction: Jurisdiction,
  start: Date,
  rule: DeadlineRule,
  zone: TimeZone = zoneFor(jurisdiction),
): Date {
  return addPeriod(start, rule, { zone, isHoliday: holidaysFor(jurisdiction) });
}
