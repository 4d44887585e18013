import { KeysetPager } from "@/components/ui/keyset-pager";
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
  const { t } = props;
  return (
    <KeysetPager
      base={props.base}
      search={props.search}
      prevCursor={props.newerCursor}
      nextCursor={props.olderCursor}
      onFirstPage={props.onFirstPage}
      labels={{
        nav: t("ledger.pager.label"),
        first: t("ledger.pager.first"),
        prev: t("ledger.pager.newer"),
        next: t("ledger.pager.older"),
      }}
    />
  );
}
