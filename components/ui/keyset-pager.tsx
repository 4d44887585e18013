/**
 * Keyset page links (the ledger, the staff queue): back to the first page, the previous page
 * (`before=<cursor>`) and the next one (`after=<cursor>`), keeping the list's other parameters.
 * Labels come translated from the caller.
 */
export function KeysetPager(props: {
  base: string;
  search: string;
  prevCursor: string | null;
  nextCursor: string | null;
  onFirstPage: boolean;
  labels: { nav: string; first: string; prev: string; next: string };
}) {
  const { base, search, labels } = props;
  const href = (extra: string) => {
    const q = [search, extra].filter(Boolean).join("&");
    return q ? `${base}?${q}` : base;
  };
  if (!props.prevCursor && !props.nextCursor && props.onFirstPage) return null;
  return (
    <nav aria-label={labels.nav}>
      <ul className="row plain">
        {!props.onFirstPage && (
          <li>
            <a href={href("")}>{labels.first}</a>
          </li>
        )}
        {props.prevCursor && (
          <li>
            <a href={href(`before=${encodeURIComponent(props.prevCursor)}`)} rel="prev">
              {labels.prev}
            </a>
          </li>
        )}
        {props.nextCursor && (
          <li>
            <a href={href(`after=${encodeURIComponent(props.nextCursor)}`)} rel="next">
              {labels.next}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
