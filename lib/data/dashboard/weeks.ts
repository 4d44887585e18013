import { todayInJapan } from "@/lib/validation/queue";

// Calendar helpers for the dashboard (Japan time, weeks from Monday). Pure, shared with the page's
// queue links.

const DAY = 86_400_000;

/** 00:00 Japan time of a YYYY-MM-DD date, as an instant. */
export function jstDayStart(date: string): Date {
  return new Date(`${date}T00:00:00+09:00`);
}

/** A YYYY-MM-DD date `days` after another. */
export function addDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY).toISOString().slice(0, 10);
}

/** The Mondays (YYYY-MM-DD, Japan time) of the last `count` weeks, the current one last. */
export function dashboardWeeks(now: Date, count = 12): string[] {
  const today = todayInJapan(now);
  const dow = new Date(`${today}T00:00:00Z`).getUTCDay();
  const monday = addDays(today, -((dow + 6) % 7));
  return Array.from({ length: count }, (_, i) => addDays(monday, (i - count + 1) * 7));
}
