import { KeysetPager } from "@/components/ui/keyset-pager";
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
  const { t, ...pager } = props;
  return (
    <KeysetPager
      {...pager}
      labels={{
        nav: t("queue.pager.label"),
        first: t("queue.pager.first"),
        prev: t("queue.pager.prev"),
        next: t("queue.pager.next"),
      }}
    />
  );
}
