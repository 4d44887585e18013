import { SelectField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { FilterDisclosure } from "@/components/ui/filter-disclosure";
import { RECIPIENT_CLASSES } from "@/lib/requests/vocabulary";
import type { TLedgerFilter } from "@/lib/ledger/filter";
import type { RecipientClass } from "@/lib/generated/prisma/enums";
import type { Translate } from "@/lib/i18n/translate";

import { RecipientOptions } from "./recipient-options";

interface Options {
  recipients: { key: string; name: string; recipientClass: RecipientClass }[];
  scenes: { key: string; name: string }[];
}

/** The conditions that narrow the ledger. */
const CONDITIONS = [
  "recipientClass",
  "recipient",
  "scene",
  "from",
  "to",
] as const satisfies readonly (keyof TLedgerFilter)[];

/**
 * A plain GET form: works without JavaScript, every control labelled (through the shared field
 * layer), keys only in the URL. The recipient list shows the chosen class's recipients
 * (RecipientOptions follows the class select in the browser). Folded while nothing narrows the
 * ledger (FilterDisclosure).
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
  const active = CONDITIONS.filter((k) => filter[k] !== undefined).length;
  return (
    <FilterDisclosure
      titleId="ledger-filter-title"
      title={t("ledger.filter.title")}
      active={active}
      activeLabel={t("ledger.filter.active", { count: active })}
      testId="ledger-filter-count"
    >
      <form method="get" action={props.action} aria-labelledby="ledger-filter-title" role="search">
        <div className="row">
          <SelectField
            id="f-class"
            label={t("ledger.filter.recipientClass")}
            name="recipientClass"
            defaultValue={filter.recipientClass ?? ""}
          >
            <option value="">{t("ledger.filter.any")}</option>
            {RECIPIENT_CLASSES.map((c) => (
              <option key={c} value={c}>
                {t(`recipientClass.${c}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="f-recipient"
            label={t("ledger.filter.recipient")}
            name="recipient"
            defaultValue={filter.recipient ?? ""}
          >
            <option value="">{t("ledger.filter.any")}</option>
            <RecipientOptions
              recipients={byClass}
              recipientClass={filter.recipientClass}
              classSelectId="f-class"
              recipientSelectId="f-recipient"
            />
          </SelectField>
          <SelectField
            id="f-scene"
            label={t("ledger.filter.scene")}
            name="scene"
            defaultValue={filter.scene ?? ""}
          >
            <option value="">{t("ledger.filter.any")}</option>
            {options.scenes.map((s) => (
              <option key={s.key} value={s.key}>
                {s.name}
              </option>
            ))}
          </SelectField>
        </div>
        {/* One hint for the two dates, under both (each date names it). */}
        <div className="row">
          <TextField
            id="f-from"
            label={t("ledger.filter.from")}
            type="date"
            name="from"
            defaultValue={filter.from ?? ""}
            describedBy="f-range-help"
          />
          <TextField
            id="f-to"
            label={t("ledger.filter.to")}
            type="date"
            name="to"
            defaultValue={filter.to ?? ""}
            describedBy="f-range-help"
          />
        </div>
        <p id="f-range-help" className="help">
          {t("ledger.filter.rangeHelp")}
        </p>
        <p>
          <SubmitButton pending={false}>{t("ledger.filter.apply")}</SubmitButton>{" "}
          <a href={props.clearHref}>{t("ledger.filter.clear")}</a>
        </p>
      </form>
    </FilterDisclosure>
  );
}
