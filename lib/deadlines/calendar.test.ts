import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  addDays,
  endOfLocalDay,
  isoDate,
  isWeekend,
  localDate,
  parseIsoDate,
  startOfLocalDay,
  zoneFor,
} from "./calendar";
import { addPeriod, type DeadlineRule } from "./compute";
import { holidaysFor, periodFor } from "./holidays";

const at = (s: string) => new Date(s);
const day = parseIsoDate;

describe("the calendar: one local day per zone", () => {
  it("says which day it is in each jurisdiction at one instant", () => {
    const instant = at("2026-01-31T22:30:00Z");
    expect(isoDate(localDate(instant, "Asia/Tokyo"))).toBe("2026-02-01");
    expect(isoDate(localDate(instant, "Europe/London"))).toBe("2026-01-31");
    expect(isoDate(localDate(instant, "Europe/Helsinki"))).toBe("2026-02-01");
    expect(isoDate(localDate(instant, "America/Los_Angeles"))).toBe("2026-01-31");
    expect(isoDate(localDate(instant, "Asia/Seoul"))).toBe("2026-02-01");
    expect(isoDate(localDate(instant, "America/Sao_Paulo"))).toBe("2026-01-31");
  });

  it("ends a day at local midnight, in winter and in summer time", () => {
    expect(endOfLocalDay(day("2026-01-15"), "Europe/London").toISOString()).toBe(
      "2026-01-15T23:59:59.999Z",
    );
    expect(endOfLocalDay(day("2026-07-15"), "Europe/London").toISOString()).toBe(
      "2026-07-15T22:59:59.999Z",
    );
    expect(endOfLocalDay(day("2026-07-15"), "America/Los_Angeles").toISOString()).toBe(
      "2026-07-16T06:59:59.999Z",
    );
    expect(endOfLocalDay(day("2026-07-15"), "Asia/Tokyo").toISOString()).toBe(
      "2026-07-15T14:59:59.999Z",
    );
  });

  it("knows the short and long days of a DST change", () => {
    const length = (d: string, zone: string) =>
      (endOfLocalDay(day(d), zone).getTime() + 1 - startOfLocalDay(day(d), zone).getTime()) /
      3_600_000;
    expect(length("2026-03-29", "Europe/London")).toBe(23);
    expect(length("2026-10-25", "Europe/London")).toBe(25);
    expect(length("2026-03-08", "America/Los_Angeles")).toBe(23);
    expect(length("2026-11-01", "America/Los_Angeles")).toBe(25);
    // São Paulo's last summer time began at midnight: 4 Nov 2018 started at 01:00.
    expect(startOfLocalDay(day("2018-11-04"), "America/Sao_Paulo").toISOString()).toBe(
      "2018-11-04T03:00:00.000Z",
    );
    expect(length("2018-11-04", "America/Sao_Paulo")).toBe(23);
  });

  it("counts the GDPR in the member state's zone, Brussels when none is known", () => {
    expect(zoneFor("EU", "FR")).toBe("Europe/Paris");
    expect(zoneFor("EU", "PT")).toBe("Europe/Lisbon");
    expect(zoneFor("EU", "JP")).toBe("Europe/Brussels");
    expect(zoneFor("EU")).toBe("Europe/Brussels");
    expect(zoneFor("UK", "FR")).toBe("Europe/London");
    expect(zoneFor("US_CA")).toBe("America/Los_Angeles");
    expect(zoneFor("BR")).toBe("America/Sao_Paulo");
  });
});

// The edges where a clock goes wrong: 23:30 and 00:30 local on month ends, leap days, and the DST
// weekends of London, Los Angeles and São Paulo (whose summer time ended in 2019).
const ZONES = [
  "Asia/Tokyo",
  "Europe/London",
  "Europe/Paris",
  "America/Los_Angeles",
  "Asia/Seoul",
  "America/Sao_Paulo",
] as const;
const EDGE_DAYS = [
  "2026-01-31",
  "2026-02-28",
  "2026-03-31",
  "2026-04-30",
  "2026-12-31",
  "2028-02-28",
  "2028-02-29",
  "2028-03-01",
  "2026-03-28",
  "2026-03-29",
  "2026-10-24",
  "2026-10-25",
  "2026-03-07",
  "2026-03-08",
  "2026-10-31",
  "2026-11-01",
  "2018-11-03",
  "2018-11-04",
  "2019-02-16",
  "2019-02-17",
];
const RULES: DeadlineRule[] = [
  { amount: 10, unit: "CALENDAR_DAYS" },
  { amount: 45, unit: "CALENDAR_DAYS" },
  { amount: 10, unit: "BUSINESS_DAYS" },
  { amount: 15, unit: "BUSINESS_DAYS" },
  { amount: 1, unit: "MONTHS" },
  { amount: 3, unit: "MONTHS" },
];

/** 00:30 or 23:30 local on a day, or a random minute of it. */
const edgeInstant = fc
  .tuple(
    fc.constantFrom(...ZONES),
    fc.constantFrom(...EDGE_DAYS),
    fc.oneof(fc.constant(30), fc.constant(-30), fc.integer({ min: 0, max: 24 * 60 - 1 })),
  )
  .map(([zone, d, minute]) => {
    const start = startOfLocalDay(day(d), zone).getTime();
    const end = endOfLocalDay(day(d), zone).getTime() + 1;
    const t = minute < 0 ? end + minute * 60_000 : Math.min(start + minute * 60_000, end - 1);
    return { zone, date: d, instant: new Date(t) };
  });
const anyInstant = fc
  .integer({ min: Date.UTC(2017, 0, 1), max: Date.UTC(2040, 0, 1) })
  .map((ms) => new Date(ms));

describe("the calendar: properties across zones and DST", () => {
  it("an instant inside a local day is on that day; the day's end is the last moment before the next", () => {
    fc.assert(
      fc.property(edgeInstant, ({ zone, date, instant }) => {
        expect(isoDate(localDate(instant, zone))).toBe(date);
        const end = endOfLocalDay(day(date), zone);
        expect(isoDate(localDate(end, zone))).toBe(date);
        expect(isoDate(localDate(new Date(end.getTime() + 1), zone))).toBe(
          isoDate(addDays(day(date), 1)),
        );
      }),
      { numRuns: 500 },
    );
  });

  it("a due date is never before receipt, ends a local day, and never falls on an excluded day", () => {
    const jurisdictions = ["JP", "EU", "UK", "US_CA", "KR", "BR"] as const;
    fc.assert(
      fc.property(
        fc.oneof(
          edgeInstant.map((e) => e.instant),
          anyInstant,
        ),
        fc.constantFrom(...jurisdictions),
        fc.constantFrom(...RULES),
        (received, j, rule) => {
          const zone = zoneFor(j, "FR");
          const due = periodFor(j, received, rule, zone);
          expect(due.getTime()).toBeGreaterThan(received.getTime());
          const dueDay = localDate(due, zone);
          // The last millisecond of its local day.
          expect(endOfLocalDay(dueDay, zone).getTime()).toBe(due.getTime());
          if (rule.unit === "BUSINESS_DAYS") {
            expect(isWeekend(dueDay)).toBe(false);
            expect(holidaysFor(j)(dueDay)).toBe(false);
          }
          if (rule.unit === "CALENDAR_DAYS") {
            const received_ = localDate(received, zone);
            expect((dueDay.getTime() - received_.getTime()) / 86_400_000).toBe(rule.amount);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("a later receipt never gives an earlier due date", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          edgeInstant.map((e) => e.instant),
          anyInstant,
        ),
        fc.integer({ min: 0, max: 3 * 86_400_000 }),
        fc.constantFrom(...ZONES),
        fc.constantFrom(...RULES),
        (first, gap, zone, rule) => {
          const later = new Date(first.getTime() + gap);
          const a = addPeriod(first, rule, { zone });
          const b = addPeriod(later, rule, { zone });
          expect(b.getTime()).toBeGreaterThanOrEqual(a.getTime());
        },
      ),
      { numRuns: 1000 },
    );
  });
});
