// Deadline arithmetic. Pure: no database, no clock. Dates are counted in the jurisdiction's local
// time (calendar.ts; Japan time when no zone is given), and a deadline falls at the end of its local
// day, so "10 days" means through the 10th day's local midnight.

import {
  addDays,
  endOfLocalDay,
  isWeekend,
  localDate,
  ORGANISATION_ZONE,
  type TimeZone,
} from "./calendar";

export type Unit = "CALENDAR_DAYS" | "BUSINESS_DAYS" | "MONTHS";

export interface DeadlineRule {
  amount: number;
  unit: Unit;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function addMonthsClamped(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  // GDPR Art.12(3) as read with Regulation 1182/71: same date next month, else its last day.
  return new Date(Date.UTC(y, m, Math.min(date.getUTCDate(), lastDay)));
}

function addBusinessDays(date: Date, days: number, isHoliday: (d: Date) => boolean): Date {
  let current = date;
  let left = days;
  while (left > 0) {
    current = addDays(current, 1);
    if (!isWeekend(current) && !isHoliday(current)) left -= 1;
  }
  return current;
}

export function addPeriod(
  start: Date,
  rule: DeadlineRule,
  options: { zone?: TimeZone; isHoliday?: (date: Date) => boolean } = {},
): Date {
  const zone = options.zone ?? ORGANISATION_ZONE;
  const day = localDate(start, zone);
  let due: Date;
  switch (rule.unit) {
    case "CALENDAR_DAYS":
      due = addDays(day, rule.amount);
      break;
    case "MONTHS":
      due = addMonthsClamped(day, rule.amount);
      break;
    case "BUSINESS_DAYS":
      due = addBusinessDays(day, rule.amount, options.isHoliday ?? (() => false));
      break;
  }
  return endOfLocalDay(due, zone);
}

/** When several jurisdictions apply, the earliest deadline wins. */
export function earliestDeadline(start: Date, rules: readonly DeadlineRule[]): Date {
  if (rules.length === 0) throw new Error("no deadline rule applies");
  return new Date(Math.min(...rules.map((r) => addPeriod(start, r).getTime())));
}

export function daysLeft(due: Date, now: Date): number {
  return Math.ceil((due.getTime() - now.getTime()) / DAY_MS);
}
