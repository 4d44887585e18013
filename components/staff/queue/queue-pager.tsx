import type { Translate } from "@/lib/i18n/translate";

/** Keyset page links: the first page, the previous and the next one, in the chosen order. */
export function QueuePager(props: {
  base: string;
  search: string;
  prevCursor: string | null;
  nextCursor: string | null;
  onFirstPage: boolean;
  t: Translate;
}) {
  const { base, search, t } = props;
  const href = (extra: string) => {
    const q = [search, extra].filter(Boolean).join("&");
    return q ? `${base}?${q}` : base;
  };
  if (!props.prevCursor && !props.nextCursor && props.onFirstPage) return null;
  return (
    <nav aria-label={t("queue.pager.label")}>
      <ul className="row" style={{ listStyle: "none", padding: 0 }}>
        {!props.onFirstPage && (
          <li>
            <a href={href("")}>{t("queue.pager.first")}</a>
          </li>
        )}
        {props.prevCursor && (
          <li>
            <a href={href(`before=${encodeURIComponent(props.prevCursor)}`)} rel="prev">
              {t("queue.pager.prev")}
            </a>
          </li>
        )}
        {props.nextCursor && (
          <li>
            <a href={href(`after=${encodeURIComponent(props.nextCursor)}`)} rel="next">
              {t("queue.pager.next")}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
