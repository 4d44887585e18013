import type { Locale } from "@/lib/i18n/config";
import type { TQueueFilter } from "@/lib/validation/queue";
import { queueFilterToSearch, todayInJapan } from "@/lib/validation/queue";
import { addDays } from "@/lib/data/dashboard/weeks";

// Links from a dashboard figure to the staff queue filtered the same way (the queue's own
// querystring, lib/validation/queue.ts). Deadline filters work by day ("due on or before").

export function queueHref(locale: Locale, filter: TQueueFilter): string {
  const search = queueFilterToSearch(filter);
  return `/${locale}/staff${search ? `?${search}` : ""}`;
}

/** Due on or before today (Japan time): the overdue requests and today's. */
export const overdueFilter = (now: Date): TQueueFilter => ({
  dueBefore: todayInJapan(now),
  sort: "due-asc",
});

/** Not acknowledged to the requester and past the acknowledgement deadline. */
export const ackOverdueFilter: TQueueFilter = { ack: "overdue", sort: "due-asc" };

/** Due on or before the third day from today. */
export const dueSoonFilter = (now: Date): TQueueFilter => ({
  dueBefore: addDays(todayInJapan(now), 3),
  sort: "due-asc",
});
