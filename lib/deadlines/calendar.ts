// The one calendar of the legal clock. Pure: no database, no clock of its own. A jurisdiction counts
// its days in its own local time (Asia/Tokyo for APPI, the member state's zone for the GDPR,
// Europe/London, America/Los_Angeles, Asia/Seoul, America/Sao_Paulo): the day of receipt is the
// local day, and a deadline ends at the end of its local day. Two operations do all the work:
// `localDate` (which day is it there, at this instant) and `endOfLocalDay` (when does that day end
// there). A calendar day is carried as a UTC-midnight Date holding only year, month and day, so
// day arithmetic never meets a time zone or a DST change.

import {
  residenceJurisdiction,
  toResidence,
  type JurisdictionCode,
} from "@/lib/requests/jurisdiction";

export type TimeZone = string;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The organisation's own time (a Japanese business): what staff see beside each local deadline. */
export const ORGANISATION_ZONE: TimeZone = "Asia/Tokyo";

/** Where the GDPR applies by residence, the member state's zone; the EU's default is Brussels. */
const EU_EEA_ZONES: Readonly<Record<string, TimeZone>> = {
  AT: "Europe/Vienna",
  BE: "Europe/Brussels",
  BG: "Europe/Sofia",
  HR: "Europe/Zagreb",
  CY: "Asia/Nicosia",
  CZ: "Europe/Prague",
  DK: "Europe/Copenhagen",
  EE: "Europe/Tallinn",
  FI: "Europe/Helsinki",
  FR: "Europe/Paris",
  DE: "Europe/Berlin",
  GR: "Europe/Athens",
  HU: "Europe/Budapest",
  IE: "Europe/Dublin",
  IT: "Europe/Rome",
  LV: "Europe/Riga",
  LT: "Europe/Vilnius",
  LU: "Europe/Luxembourg",
  MT: "Europe/Malta",
  NL: "Europe/Amsterdam",
  PL: "Europe/Warsaw",
  PT: "Europe/Lisbon",
  RO: "Europe/Bucharest",
  SK: "Europe/Bratislava",
  SI: "Europe/Ljubljana",
  ES: "Europe/Madrid",
  SE: "Europe/Stockholm",
  IS: "Atlantic/Reykjavik",
  LI: "Europe/Vaduz",
  NO: "Europe/Oslo",
};

const ZONES: Readonly<Record<JurisdictionCode, TimeZone>> = {
  JP: "Asia/Tokyo",
  EU: "Europe/Brussels",
  UK: "Europe/London",
  US_CA: "America/Los_Angeles",
  KR: "Asia/Seoul",
  BR: "America/Sao_Paulo",
};

/**
 * The zone a jurisdiction counts in. For the GDPR it is the member state the person lives in
 * (their residence brought the law); without one (the law applied by establishment or by staff),
 * Brussels.
 */
export function zoneFor(
  jurisdiction: JurisdictionCode,
  residenceCountry?: string | null,
): TimeZone {
  if (jurisdiction === "EU" && residenceCountry && EU_EEA_ZONES[residenceCountry]) {
    return EU_EEA_ZONES[residenceCountry];
  }
  return ZONES[jurisdiction];
}

/**
 * The time a requester reads their dates in: that of the law their residence brings (Paris for a
 * resident of France, Los Angeles for a Californian), else the organisation's (Japan). The instant
 * is the same; the calendar day it is written as is theirs.
 */
export function readerZone(country: string | null, region: string | null): TimeZone {
  const residence = toResidence(country, region);
  const jurisdiction = residence ? residenceJurisdiction(residence) : null;
  return jurisdiction ? zoneFor(jurisdiction, country) : ORGANISATION_ZONE;
}

// Building an Intl formatter is costly and a deadline check reads the zone a few times: one each.
const formatters = new Map<TimeZone, Intl.DateTimeFormat>();

function formatter(zone: TimeZone): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall-clock time in the zone at this instant, written as if it were UTC (whole seconds). */
function wallClock(instant: number, zone: TimeZone): number {
  const n = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const p of formatter(zone).formatToParts(instant)) {
    if (p.type in n) n[p.type as keyof typeof n] = Number(p.value);
  }
  return Date.UTC(n.year, n.month - 1, n.day, n.hour, n.minute, n.second);
}

/** The zone's offset from UTC at this instant, in milliseconds (Tokyo: +9 h). */
function offsetAt(instant: number, zone: TimeZone): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return wallClock(whole, zone) - whole;
}

/** The local calendar date of an instant in the zone: "today in Tokyo" at that instant. */
export function localDate(instant: Date, zone: TimeZone): Date {
  const wall = new Date(instant.getTime() + offsetAt(instant.getTime(), zone));
  return new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()));
}

/**
 * The first instant of a local calendar date in the zone. Where midnight does not exist (a DST
 * change at 00:00, as São Paulo had), the day begins at the change.
 */
export function startOfLocalDay(date: Date, zone: TimeZone): Date {
  const midnight = date.getTime();
  // Two passes: the offset at the first guess may differ from the offset at local midnight.
  let t = midnight - offsetAt(midnight, zone);
  t = midnight - offsetAt(t, zone);
  if (localDate(new Date(t), zone).getTime() < midnight) {
    // In a gap: the day begins at the first instant whose local date is this date.
    let lo = t;
    let hi = t + 3 * 60 * 60 * 1000;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (localDate(new Date(mid), zone).getTime() < midnight) lo = mid;
      else hi = mid;
    }
    t = hi;
  }
  return new Date(t);
}

/** The last millisecond of a local calendar date in the zone, as an instant. */
export function endOfLocalDay(date: Date, zone: TimeZone): Date {
  return new Date(startOfLocalDay(addDays(date, 1), zone).getTime() - 1);
}

/** A calendar date `days` later (or earlier). */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/**
 * An instant on this calendar date in every zone the portal counts in: midday UTC is the same date
 * from UTC-11 to UTC+11 (Los Angeles, São Paulo, London, the EU, Seoul, Tokyo). For a day staff
 * give without a zone (the day a fee arrived).
 */
export function middayUtc(date: Date): Date {
  return new Date(date.getTime() + DAY_MS / 2);
}

/** "YYYY-MM-DD" of a calendar date. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A calendar date from "YYYY-MM-DD". */
export function parseIsoDate(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

export const isWeekend = (date: Date): boolean => date.getUTCDay() === 0 || date.getUTCDay() === 6;
