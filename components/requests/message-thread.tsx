import type { RequestView } from "@/lib/data/requests/get-request";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

const WHO = {
  FROM_REQUESTER: "messages.fromRequester",
  TO_REQUESTER: "messages.toRequester",
  INTERNAL_NOTE: "messages.internalNote",
} as const;

/**
 * A request's messages as a conversation, oldest first: the reader's own side on the right, the
 * other on the left, staff's internal notes marked as such (the data layer already left them out
 * for requesters). Each message says who wrote it and when, with its attachments.
 */
export function MessageThread(props: {
  messages: RequestView["messages"];
  reference: string;
  locale: Locale;
  t: Translate;
  /** Whose page: the requester's messages are theirs on their page, staff's on the staff's. */
  viewer: "requester" | "staff";
}) {
  const { messages, reference, locale, t, viewer } = props;
  if (messages.length === 0) return <p>{t("messages.empty")}</p>;
  const mine = (direction: keyof typeof WHO) =>
    viewer === "requester" ? direction === "FROM_REQUESTER" : direction !== "FROM_REQUESTER";
  return (
    <ol className="thread" data-testid="messages">
      {messages.map((m) => (
        <li
          key={m.id}
          data-side={mine(m.direction) ? "mine" : "theirs"}
          data-direction={m.direction}
        >
          <div className="bubble">
            <p className="bubble-head">
              <strong>{t(WHO[m.direction])}</strong>
              {viewer === "staff" && m.author?.name && <span> · {m.author.name}</span>}{" "}
              <time dateTime={m.createdAt.toISOString()}>
                {formatDateTime(locale, m.createdAt)}
              </time>
            </p>
            <p className="bubble-body">{m.body}</p>
            {m.attachments.map((a) => (
              <p key={a.id} className="bubble-attachment">
                <a href={`/${locale}/requests/${reference}/attachments/${a.id}`} download>
                  {t("messages.attachmentLink", { name: a.fileName })}
                </a>
              </p>
            ))}
          </div>
        </li>
      ))}
    </ol>
  );
}
