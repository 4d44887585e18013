"use client";

import {
  Choice,
  CheckboxField,
  ChoiceGroup,
  SelectField,
  TextAreaField,
  TextField,
} from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useI18n } from "@/components/i18n/i18n-provider";
import { saveRecipient } from "@/lib/actions/manager/data-map/save-recipient";
import { RECIPIENT_CLASSES } from "@/lib/requests/vocabulary";
import { TRANSFER_SAFEGUARDS } from "@/lib/validation/choices";
import type { TRecipientConfig } from "@/lib/validation/data-map-config";

import { useConfigForm } from "./fields";
import { NameFields } from "./name-fields";

const EMPTY: TRecipientConfig = {
  key: "",
  nameJa: "",
  nameEn: "",
  descriptionJa: "",
  descriptionEn: "",
  recipientClass: "" as TRecipientConfig["recipientClass"],
  country: "",
  regimeNoteJa: "",
  regimeNoteEn: "",
  measuresJa: "",
  measuresEn: "",
  processorCategoryJa: "",
  processorCategoryEn: "",
  address: "",
  representative: "",
  noticeEmail: "",
  noticeWebhookUrl: "",
  transferSafeguard: "",
  gpcOptOut: false,
};

/**
 * Adds a recipient, or edits one (`initial` with its id). The Art.28 fields are always offered
 * (a processor abroad has a country too) and required for a third party abroad; the processor's
 * kind of work shows for processors. The shared schema's superRefine says which are missing.
 */
export function RecipientForm(props: { initial?: TRecipientConfig }) {
  const { t } = useI18n();
  const { form, bind, failure, onSubmit, pending, editing } = useConfigForm<TRecipientConfig>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/data-map-config").then((m) => m.ZRecipientConfig),
    ),
    initial: props.initial,
    empty: EMPTY,
    save: saveRecipient,
  });
  const { errors } = form.formState;
  const recipientClass = form.watch("recipientClass");
  const area = (name: keyof TRecipientConfig, label: string) => (
    <TextAreaField id={`recipient-${name}`} label={label} {...bind(name)} />
  );
  const line = (name: keyof TRecipientConfig, label: string) => (
    <TextField id={`recipient-${name}`} label={label} autoComplete="off" {...bind(name)} />
  );

  return (
    <form onSubmit={onSubmit} noValidate className="panel" aria-labelledby="recipient-form-title">
      <h2 id="recipient-form-title">
        {editing ? t("settingsDataMap.edit") : t("settingsDataMap.createTitle")}
      </h2>
      <NameFields prefix="recipient" bind={bind} fixedKey={props.initial?.key} />
      <ChoiceGroup
        id="recipient-recipientClass"
        legend={t("settingsDataMap.recipients.recipientClass")}
        error={errors.recipientClass?.message}
      >
        {RECIPIENT_CLASSES.map((value) => (
          <Choice
            key={value}
            type="radio"
            value={value}
            label={t(`recipientClass.${value}`)}
            registration={form.register("recipientClass")}
          />
        ))}
      </ChoiceGroup>
      <ChoiceGroup id="recipient-foreign" legend={t("settingsDataMap.recipients.foreignTitle")}>
        <TextField
          id="recipient-country"
          label={t("settingsDataMap.recipients.country")}
          hint={t("settingsDataMap.recipients.countryHelp")}
          autoComplete="off"
          {...bind("country")}
        />
        {area("regimeNoteJa", t("settingsDataMap.recipients.regimeNoteJa"))}
        {area("regimeNoteEn", t("settingsDataMap.recipients.regimeNoteEn"))}
        {area("measuresJa", t("settingsDataMap.recipients.measuresJa"))}
        {area("measuresEn", t("settingsDataMap.recipients.measuresEn"))}
        <SelectField
          id="recipient-transferSafeguard"
          label={t("settingsDataMap.recipients.transferSafeguard")}
          hint={t("settingsDataMap.recipients.transferSafeguardHelp")}
          {...bind("transferSafeguard")}
        >
          <option value="">{t("settingsDataMap.recipients.noSafeguard")}</option>
          {TRANSFER_SAFEGUARDS.map((s) => (
            <option key={s} value={s}>
              {t(`transferSafeguard.${s}`)}
            </option>
          ))}
        </SelectField>
      </ChoiceGroup>
      <CheckboxField
        id="recipient-gpcOptOut"
        label={t("settingsDataMap.recipients.gpcOptOut")}
        hint={t("settingsDataMap.recipients.gpcOptOutHelp")}
        {...bind("gpcOptOut")}
      />
      <ChoiceGroup
        id="recipient-optOut"
        legend={t("settingsDataMap.recipients.optOutTitle")}
        hint={t("settingsDataMap.recipients.optOutHelp")}
      >
        {line("address", t("settingsDataMap.recipients.address"))}
        {line("representative", t("settingsDataMap.recipients.representative"))}
      </ChoiceGroup>
      <ChoiceGroup
        id="recipient-notice"
        legend={t("settingsDataMap.recipients.noticeTitle")}
        hint={t("settingsDataMap.recipients.noticeHelp")}
      >
        <TextField
          id="recipient-noticeEmail"
          label={t("settingsDataMap.recipients.noticeEmail")}
          type="email"
          autoComplete="off"
          {...bind("noticeEmail")}
        />
        <TextField
          id="recipient-noticeWebhookUrl"
          label={t("settingsDataMap.recipients.noticeWebhookUrl")}
          hint={t("settingsDataMap.recipients.noticeWebhookHelp")}
          autoComplete="off"
          {...bind("noticeWebhookUrl")}
        />
      </ChoiceGroup>
      {recipientClass === "PROCESSOR" && (
        <ChoiceGroup
          id="recipient-processor"
          legend={t("settingsDataMap.recipients.processorTitle")}
        >
          {line("processorCategoryJa", t("settingsDataMap.recipients.processorCategoryJa"))}
          {line("processorCategoryEn", t("settingsDataMap.recipients.processorCategoryEn"))}
        </ChoiceGroup>
      )}
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={pending}>{t("settingsDataMap.save")}</SubmitButton>
    </form>
  );
}
