import type { MyPersonalDataItem } from "@/lib/data/subjects/list-my-personal-data";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

/** The markings of one item: its class (sensitive, informative and whether linked), legal hold. */
export function ItemMarks(props: { item: MyPersonalDataItem; locale: Locale; t: Translate }) {
  const { item, locale, t } = props;
  const cls = item.category.dataClass;
  return (
    <ul className="item-marks">
      {cls === "SENSITIVE" && (
        <li>
          <span className="badge" data-mark="sensitive">
            {t("ledger.myData.sensitive")}
          </span>{" "}
          <small>{t("ledger.myData.sensitiveHelp")}</small>
        </li>
      )}
      {cls === "INFORMATIVE" && (
        <li>
          <span className="badge" data-mark="informative">
            {t("ledger.myData.informativeTitle")}
          </span>{" "}
          <span data-mark={item.linkedToPerson ? "linked" : "not-linked"}>
            {item.linkedToPerson ? t("ledger.myData.linked") : t("ledger.myData.notLinked")}
          </span>
        </li>
      )}
      {item.legalHold && (
        <li>
          <span className="badge" data-mark="legal-hold">
            {t("ledger.myData.legalHold")}
          </span>{" "}
          {item.legalHoldReason && (
            <small>{t("ledger.myData.legalHoldReason", { reason: item.legalHoldReason })}</small>
          )}
        </li>
      )}
      {item.retainUntil && (
        <li>
          <small>
            {t("ledger.myData.retainUntil", { date: formatDate(locale, item.retainUntil) })}
          </small>
        </li>
      )}
    </ul>
  );
}
