import { daysLeft } from "@/lib/deadlines/compute";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

/** The due date with a chip of the days left (amber within a week), or days overdue in red. */
export function DueLabel(props: {
  due: Date;
  locale: Locale;
  t: Translate;
  open: boolean;
  now: Date;
  /** The reader's time zone (lib/deadlines/calendar.ts readerZone); Japan time by default. */
  zone?: string;
}) {
  const { due, locale, t, open, now, zone } = props;
  const left = daysLeft(due, now);
  return (
    <>
      {formatDate(locale, due, zone)}
      {open && (
        <>
          {" "}
          {left >= 0 ? (
            <small className="due" data-urgency={left <= 7 ? "soon" : "ok"}>
              {t("request.daysLeft", { days: left })}
            </small>
          ) : (
            <small className="due" data-urgency="overdue">
              {t("request.overdue", { days: -left })}
            </small>
          )}
        </>
      )}
    </>
  );
}
