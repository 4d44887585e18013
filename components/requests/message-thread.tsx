import type { RequestView } from "@/lib/data/requests/get-request";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

const WHO = {
  FROM_REQUESTER: "messages.fromRequester",
  TO_REQUESTER: "messages.toRequester",
  INTERNAL_NOTE: "messages.internalNote",
} as const;

/** A request's messages, oldest first; the data layer already left internal notes out for requesters. */
export function MessageThread(props: {
  messages: RequestView["messages"];
  reference: string;
  locale: Locale;
  t: Translate;
}) {
  const { messages, reference, locale, t } = props;
  if (messages.length === 0) return <p>{props.t("messages.empty")}</p>;
  return (
    <ol className="timeline" data-testid="messages">
      {messages.map((m) => (
        <li key={m.id} className={m.direction === "INTERNAL_NOTE" ? "notice" : undefined}>
          <strong>{t(WHO[m.direction])}</strong>{" "}
          <time dateTime={m.createdAt.toISOString()}>{formatDateTime(locale, m.createdAt)}</time>
          <p style={{ whiteSpace: "pre-wrap", margin: 0 }}>{m.body}</p>
          {m.attachments.map((a) => (
            <p key={a.id} style={{ margin: 0 }}>
              <a href={`/${locale}/requests/${reference}/attachments/${a.id}`} download>
                {t("messages.attachmentLink", { name: a.fileName })}
              </a>
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
}
