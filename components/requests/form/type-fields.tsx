"use client";

import { useFormContext } from "react-hook-form";

import { STOPPABLE_RECIPIENT_CLASSES } from "@/lib/requests/vocabulary";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/translate";
import type { RequestOptions } from "@/lib/data/data-map/list-request-options";
import { STOP_PROVISION_GROUNDS } from "@/lib/validation/choices";

import { DeliveryFields } from "./delivery-fields";
import { Choices, Select, TextField } from "./fields";
import type { FormValues } from "./form-values";

export type NamedOptions = {
  categories: { key: string; name: string }[];
  purposes: { key: string; name: string; suspendable: boolean; suspensionNote: string }[];
  recipients: {
    key: string;
    name: string;
    recipientClass: RequestOptions["recipients"][number]["recipientClass"];
  }[];
  items: { id: string; label: string; categoryKey: string }[];
  known: boolean;
};

/** All data, or chosen categories: shared by disclosure and erasure. */
export function CategoryScope(props: {
  name: "details.scope" | "details.erasureScope";
  legend: MessageKey;
  all: MessageKey;
  selected: MessageKey;
  options: NamedOptions;
}) {
  const { t } = useI18n();
  const scope = useFormContext<FormValues>().watch(props.name);
  return (
    <>
      <Choices
        name={props.name}
        legend={props.legend}
        options={[
          { value: "ALL", label: t(props.all) },
          { value: "SELECTED", label: t(props.selected) },
        ]}
      />
      {scope === "SELECTED" && (
        <Choices
          name="details.categoryKeys"
          legend="requestForm.categories"
          multiple
          options={props.options.categories.map((c) => ({ value: c.key, label: c.name }))}
        />
      )}
    </>
  );
}

export function DisclosureFields({ options }: { options: NamedOptions }) {
  return (
    <>
      <CategoryScope
        name="details.scope"
        legend="requestForm.scope"
        all="requestForm.scopeAll"
        selected="requestForm.scopeSelected"
        options={options}
      />
      <DeliveryFields />
    </>
  );
}

function recipientOptions(options: NamedOptions, i18n: ReturnType<typeof useI18n>) {
  const { locale, t } = i18n;
  return options.recipients.map((r) => {
    const cls = t(`recipientClass.${r.recipientClass}`);
    return { value: r.key, label: locale === "ja" ? `${r.name}（${cls}）` : `${r.name} (${cls})` };
  });
}

export function ProvisionRecordsFields({ options }: { options: NamedOptions }) {
  const i18n = useI18n();
  return (
    <>
      <Choices
        name="details.recipientKeys"
        legend="requestForm.recipients"
        help="requestForm.recipientsAllHelp"
        multiple
        options={recipientOptions(options, i18n)}
      />
      <div className="row">
        <TextField name="details.from" label="requestForm.periodFrom" type="date" />
        <TextField name="details.to" label="requestForm.periodTo" type="date" />
      </div>
      <DeliveryFields />
    </>
  );
}

export function StopProvisionFields({ options }: { options: NamedOptions }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      <Choices
        name="details.recipientClasses"
        legend="requestForm.stopClasses"
        multiple
        options={STOPPABLE_RECIPIENT_CLASSES.map((c) => ({
          value: c,
          label: t(`recipientClass.${c}`),
        }))}
      />
      <Choices
        name="details.recipientKeys"
        legend="requestForm.stopRecipients"
        multiple
        options={recipientOptions(options, i18n)}
      />
      <Select
        name="details.ground"
        label="requestForm.ground"
        options={STOP_PROVISION_GROUNDS.map((g) => ({
          value: g,
          label: t(`requestForm.ground${g}`),
        }))}
      />
      <TextField name="details.groundText" label="requestForm.groundText" multiline />
    </>
  );
}
