import type { MyPersonalDataItem } from "@/lib/data/subjects/list-my-personal-data";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

import type { ItemGroup } from "./group-items";
import { ItemMarks } from "./item-marks";

const purposeKeys = (item: MyPersonalDataItem) =>
  item.purposes
    .map((p) => p.key)
    .sort()
    .join("|");

/**
 * One group of the person's data (a category, or a system) as a card that opens onto its items:
 * closed, it says what the group is, how many items, for which purposes and where they are kept;
 * open, each item as field and value with where it came from in small print. Purposes shared by
 * the whole group are said once on the card, an item's own only where they differ. The platform's
 * <details>: no JavaScript, and the browser's find-in-page opens the card holding a match.
 */
export function DataGroup(props: {
  group: ItemGroup;
  groupBy: "category" | "system";
  locale: Locale;
  t: Translate;
}) {
  const { group, groupBy, locale, t } = props;
  const name = (o: { nameJa: string; nameEn: string }) => (locale === "ja" ? o.nameJa : o.nameEn);
  const sep = t("transparency.listSeparator");
  const [first] = group.items;
  const shared =
    first && group.items.every((i) => purposeKeys(i) === purposeKeys(first))
      ? first.purposes
      : null;
  const other = (item: MyPersonalDataItem) =>
    groupBy === "category" ? item.system : item.category;
  const others = [...new Map(group.items.map((i) => [other(i).key, name(other(i))])).values()];
  const id = `group-${groupBy}-${group.key}`;
  return (
    <details className="data-group" data-group={group.key}>
      <summary>
        <h3 id={id}>
          {name(group)}{" "}
          <span className="count">
            {t("ledger.myData.itemCount", { count: group.items.length })}
          </span>
        </h3>
        <span className="summary-line">
          {groupBy === "category" ? t("ledger.myData.system") : t("ledger.myData.category")}:{" "}
          {others.join(sep)}
        </span>
        {shared && (
          <span className="summary-line" data-testid="group-purposes">
            {t("ledger.myData.purposes")}:{" "}
            {shared.length === 0 ? t("ledger.myData.noPurpose") : shared.map(name).join(sep)}
          </span>
        )}
      </summary>
      <ul className="data-items" aria-labelledby={id}>
        {group.items.map((item) => (
          <li key={item.id} data-item={item.category.key} data-system={item.system.key}>
            <span className="item-label">{name(item.label)}</span>
            <span className="item-value">
              {item.value}
              <ItemMarks item={item} locale={locale} t={t} />
            </span>
            <span className="item-meta">
              {[
                name(other(item)),
                t(`ledger.myData.sourceKind.${item.source}`),
                item.sourceNote,
                `${t("ledger.myData.collectedAt")} ${formatDate(locale, item.collectedAt)}`,
              ]
                .filter(Boolean)
                .join(" · ")}
              {!shared && (
                <>
                  <br />
                  {t("ledger.myData.purposes")}:{" "}
                  {item.purposes.length === 0
                    ? t("ledger.myData.noPurpose")
                    : item.purposes.map(name).join(sep)}
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
