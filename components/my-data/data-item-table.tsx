import type { MyPersonalDataItem } from "@/lib/data/subjects/list-my-personal-data";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

import { stackLabels } from "@/components/ui/stack-labels";

import { ItemMarks } from "./item-marks";

/** Items of one group; the other dimension (system or category) is a column. */
export function DataItemTable(props: {
  items: MyPersonalDataItem[];
  groupBy: "category" | "system";
  /** Id of the group's heading, which names the table. */
  labelledBy: string;
  locale: Locale;
  t: Translate;
}) {
  const { items, groupBy, locale, t } = props;
  const name = (o: { nameJa: string; nameEn: string }) => (locale === "ja" ? o.nameJa : o.nameEn);
  const columns = [
    groupBy === "category" ? t("ledger.myData.system") : t("ledger.myData.category"),
    t("ledger.myData.field"),
    t("ledger.myData.value"),
    t("ledger.myData.purposes"),
    t("ledger.myData.source"),
    t("ledger.myData.collectedAt"),
  ];
  return (
    <table
      aria-labelledby={props.labelledBy}
      className="data-items stack"
      style={stackLabels(columns)}
    >
      <thead>
        <tr>
          {columns.map((c) => (
            <th scope="col" key={c}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} data-item={item.category.key} data-system={item.system.key}>
            <th scope="row">{groupBy === "category" ? name(item.system) : name(item.category)}</th>
            <td className="item-label">{name(item.label)}</td>
            <td>
              {item.value}
              <ItemMarks item={item} locale={locale} t={t} />
            </td>
            <td>
              {item.purposes.length === 0 ? (
                t("ledger.myData.noPurpose")
              ) : (
                <ul>
                  {item.purposes.map((p) => (
                    <li key={p.key}>{name(p)}</li>
                  ))}
                </ul>
              )}
            </td>
            <td>
              <strong>{t(`ledger.myData.sourceKind.${item.source}`)}</strong>
              {item.sourceNote && <div>{item.sourceNote}</div>}
            </td>
            <td>{formatDate(locale, item.collectedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
