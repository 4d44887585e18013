import type { Translate } from "@/lib/i18n/translate";

/** Keyset page links: newer, older and back to the newest entries. */
export function LedgerPager(props: {
  base: string;
  search: string;
  newerCursor: string | null;
  olderCursor: string | null;
  onFirstPage: boolean;
  t: Translate;
}) {
  const { base, search, t } = props;
  const href = (extra: string) => {
    const q = [search, extra].filter(Boolean).join("&");
    return q ? `${base}?${q}` : base;
  };
  if (!props.newerCursor && !props.olderCursor && props.onFirstPage) return null;
  return (
    <nav aria-label={t("ledger.pager.label")}>
      <ul className="row" style={{ listStyle: "none", padding: 0 }}>
        {!props.onFirstPage && (
          <li>
            <a href={href("")}>{t("ledger.pager.first")}</a>
          </li>
        )}
        {props.newerCursor && (
          <li>
            <a href={href(`before=${encodeURIComponent(props.newerCursor)}`)} rel="prev">
              {t("ledger.pager.newer")}
            </a>
          </li>
        )}
        {props.olderCursor && (
          <li>
            <a href={href(`after=${encodeURIComponent(props.olderCursor)}`)} rel="next">
              {t("ledger.pager.older")}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
