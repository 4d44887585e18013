// Deadline arithmetic. Pure: no database, no clock. Dates are counted in Japan time (JST, no DST),
// and a deadline falls at the end of its day, so "10 days" means through the 10th day's midnight.

export type Unit = "CALENDAR_DAYS" | "BUSINESS_DAYS" | "MONTHS";

export interface DeadlineRule {
  amount: number;
  unit: Unit;
}

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The JST calendar date of an instant, as a UTC-midnight Date (year, month, day only). */
export function jstDate(instant: Date): Date {
  const shifted = new Date(instant.getTime() + JST_OFFSET_MS);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()));
}

/** The last millisecond of a JST calendar date, as an instant. */
export function endOfJstDay(date: Date): Date {
  return new Date(date.getTime() + DAY_MS - 1 - JST_OFFSET_MS);
}

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
    current = new Date(current.getTime() + DAY_MS);
    const weekday = current.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !isHoliday(current)) left -= 1;
  }
  return current;
}

export function addPeriod(
  start: Date,
  rule: DeadlineRule,
  options: { isHoliday?: (date: Date) => boolean } = {},
): Date {
  const day = jstDate(start);
  let due: Date;
  switch (rule.unit) {
    case "CALENDAR_DAYS":
      due = new Date(day.getTime() + rule.amount * DAY_MS);
      break;
    case "MONTHS":
      due = addMonthsClamped(day, rule.amount);
      break;
    case "BUSINESS_DAYS":
      due = addBusinessDays(day, rule.amount, options.isHoliday ?? (() => false));
      break;
  }
  return endOfJstDay(due);
}

/** When several jurisdictions apply, the earliest deadline wins. */
export function earliestDeadline(start: Date, rules: readonly DeadlineRule[]): Date {
  if (rules.length === 0) throw new Error("no deadline rule applies");
  return new Date(Math.min(...rules.map((r) => addPeriod(start, r).getTime())));
}

export function daysLeft(due: Date, now: Date): number {
  return Math.ceil((due.getTime() - now.getTime()) / DAY_MS);
}
