import type { RequestView } from "@/lib/data/requests/get-request";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import { isMessageKey, type Translate } from "@/lib/i18n/translate";

export function RequestTimeline(props: {
  events: RequestView["events"];
  locale: Locale;
  t: Translate;
}) {
  const { events, locale, t } = props;
  return (
    <ol className="timeline">
      {events.map((event) => {
        const key = `event.${event.kind}`;
        return (
          <li key={event.id}>
            <time dateTime={event.at.toISOString()}>{formatDateTime(locale, event.at)}</time>{" "}
            {isMessageKey(key) ? t(key) : event.kind}
            {/* An extension's reason is part of the notice the requester receives. */}
            {event.kind === "extended" && event.note && (
              <p className="pre-line" data-testid="extension-reason">
                {event.note}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
