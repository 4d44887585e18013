import { daysLeft } from "@/lib/deadlines/compute";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

export type Urgency = "overdue" | "urgent" | "ok";

/**
 * Overdue, or under a quarter of the legal time (arrival to due date) left: the queue marks these
 * in red, with an icon and words as well, so colour is never the only sign.
 */
export function urgencyOf(receivedAt: Date, due: Date, now: Date): Urgency {
  const left = due.getTime() - now.getTime();
  if (left < 0) return "overdue";
  const legal = due.getTime() - receivedAt.getTime();
  return left < legal / 4 ? "urgent" : "ok";
}

/** The due date with the days left, marked when urgent or overdue. */
export function DueCell(props: {
  receivedAt: Date;
  due: Date;
  locale: Locale;
  t: Translate;
  now: Date;
}) {
  const { receivedAt, due, locale, t, now } = props;
  const urgency = urgencyOf(receivedAt, due, now);
  const days = daysLeft(due, now);
  return (
    <td data-urgency={urgency}>
      {formatDate(locale, due)}
      <br />
      {urgency === "ok" ? (
        <small className="due" data-urgency="ok">
          {t("request.daysLeft", { days })}
        </small>
      ) : (
        <strong className="due" data-urgency={urgency} data-testid="due-marker">
          {/* A no-break space: where the chip wraps (a phone's card), the sign stays with its first
              word. A tablet's table leaves the sign out (app/globals.css). */}
          <span aria-hidden="true">{"⚠\u00a0"}</span>
          {urgency === "overdue"
            ? t("queue.due.overdue", { days: Math.max(1, -days) })
            : t("queue.due.urgent", { days })}
        </strong>
      )}
    </td>
  );
}
