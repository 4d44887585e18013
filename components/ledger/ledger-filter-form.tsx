import { RECIPIENT_CLASSES } from "@/lib/requests/vocabulary";
import type { TLedgerFilter } from "@/lib/ledger/filter";
import type { RecipientClass } from "@/lib/generated/prisma/enums";
import type { Translate } from "@/lib/i18n/translate";

import { RecipientOptions } from "./recipient-options";

interface Options {
  recipients: { key: string; name: string; recipientClass: RecipientClass }[];
  scenes: { key: string; name: string }[];
}

/**
 * A plain GET form: works without JavaScript, every control labelled, keys only in the URL. The
 * recipient list shows the chosen class's recipients (RecipientOptions, the form's one client part).
 */
export function LedgerFilterForm(props: {
  action: string;
  filter: TLedgerFilter;
  options: Options;
  clearHref: string;
  t: Translate;
}) {
  const { filter, options, t } = props;
  const byClass = RECIPIENT_CLASSES.flatMap((c) =>
    options.recipients.filter((r) => r.recipientClass === c),
  );
  return (
    <form method="get" action={props.action} aria-labelledby="ledger-filter-title" role="search">
      <h2 id="ledger-filter-title">{t("ledger.filter.title")}</h2>
      <div className="row">
        <div className="field">
          <label htmlFor="f-class">{t("ledger.filter.recipientClass")}</label>
          <select id="f-class" name="recipientClass" defaultValue={filter.recipientClass ?? ""}>
            <option value="">{t("ledger.filter.any")}</option>
            {RECIPIENT_CLASSES.map((c) => (
              <option key={c} value={c}>
                {t(`recipientClass.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-recipient">{t("ledger.filter.recipient")}</label>
          <select id="f-recipient" name="recipient" defaultValue={filter.recipient ?? ""}>
            <option value="">{t("ledger.filter.any")}</option>
            <RecipientOptions
              recipients={byClass}
              recipientClass={filter.recipientClass}
              classSelectId="f-class"
              recipientSelectId="f-recipient"
            />
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-scene">{t("ledger.filter.scene")}</label>
          <select id="f-scene" name="scene" defaultValue={filter.scene ?? ""}>
            <option value="">{t("ledger.filter.any")}</option>
            {options.scenes.map((s) => (
              <option key={s.key} value={s.key}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor="f-from">{t("ledger.filter.from")}</label>
          <input
            id="f-from"
            type="date"
            name="from"
            defaultValue={filter.from ?? ""}
            aria-describedby="f-range-help"
          />
        </div>
        <div className="field">
          <label htmlFor="f-to">{t("ledger.filter.to")}</label>
          <input
            id="f-to"
            type="date"
            name="to"
            defaultValue={filter.to ?? ""}
            aria-describedby="f-range-help"
          />
        </div>
      </div>
      <p id="f-range-help" className="help">
        {t("ledger.filter.rangeHelp")}
      </p>
      <p>
        <button type="submit">{t("ledger.filter.apply")}</button>{" "}
        <a href={props.clearHref}>{t("ledger.filter.clear")}</a>
      </p>
    </form>
  );
}
