"use client";

import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { saveRecipient } from "@/lib/actions/manager/data-map/save-recipient";
import { RECIPIENT_CLASSES } from "@/lib/requests/vocabulary";
import { TRANSFER_SAFEGUARDS } from "@/lib/validation/choices";
import type { TRecipientConfig } from "@/lib/validation/data-map-config";

import { TextField, useConfigForm } from "./fields";
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
};

/**
 * Adds a recipient, or edits one (`initial` with its id). The Art.28 fields are always offered
 * (a processor abroad has a country too) and required for a third party abroad; the processor's
 * kind of work shows for processors. The shared schema's superRefine says which are missing.
 */
export function RecipientForm(props: { initial?: TRecipientConfig }) {
  const { t } = useI18n();
  const { form, bind, state, onSubmit, editing } = useConfigForm<TRecipientConfig>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/data-map-config").then((m) => m.ZRecipientConfig),
    ),
    initial: props.initial,
    empty: EMPTY,
    save: saveRecipient,
  });
  const { errors, isSubmitting } = form.formState;
  const recipientClass = form.watch("recipientClass");
  const text = (name: keyof TRecipientConfig, label: string, multiline = true) => (
    <TextField id={`recipient-${name}`} label={label} multiline={multiline} {...bind(name)} />
  );

  return (
    <form onSubmit={onSubmit} noValidate className="panel" aria-labelledby="recipient-form-title">
      <h2 id="recipient-form-title">
        {editing ? t("settingsDataMap.edit") : t("settingsDataMap.createTitle")}
      </h2>
      <NameFields prefix="recipient" bind={bind} fixedKey={props.initial?.key} />
      <fieldset
        className="field"
        aria-describedby={errors.recipientClass ? "recipient-recipientClass-error" : undefined}
      >
        <legend>{t("settingsDataMap.recipients.recipientClass")}</legend>
        {RECIPIENT_CLASSES.map((value) => (
          <label key={value} className="choice">
            <input type="radio" value={value} {...form.register("recipientClass")} />
            {t(`recipientClass.${value}`)}
          </label>
        ))}
        <FieldError id="recipient-recipientClass-error" message={errors.recipientClass?.message} />
      </fieldset>
      <fieldset className="field">
        <legend>{t("settingsDataMap.recipients.foreignTitle")}</legend>
        <TextField
          id="recipient-country"
          label={t("settingsDataMap.recipients.country")}
          help={t("settingsDataMap.recipients.countryHelp")}
          {...bind("country")}
        />
        {text("regimeNoteJa", t("settingsDataMap.recipients.regimeNoteJa"))}
        {text("regimeNoteEn", t("settingsDataMap.recipients.regimeNoteEn"))}
        {text("measuresJa", t("settingsDataMap.recipients.measuresJa"))}
        {text("measuresEn", t("settingsDataMap.recipients.measuresEn"))}
        <TextField
          id="recipient-transferSafeguard"
          label={t("settingsDataMap.recipients.transferSafeguard")}
          help={t("settingsDataMap.recipients.transferSafeguardHelp")}
          options={[
            { value: "", label: t("settingsDataMap.recipients.noSafeguard") },
            ...TRANSFER_SAFEGUARDS.map((s) => ({
              value: s,
              label: t(`transferSafeguard.${s}`),
            })),
          ]}
          {...bind("transferSafeguard")}
        />
      </fieldset>
      <fieldset className="field">
        <legend>{t("settingsDataMap.recipients.optOutTitle")}</legend>
        <p className="help">{t("settingsDataMap.recipients.optOutHelp")}</p>
        {text("address", t("settingsDataMap.recipients.address"), false)}
        {text("representative", t("settingsDataMap.recipients.representative"), false)}
      </fieldset>
      <fieldset className="field">
        <legend>{t("settingsDataMap.recipients.noticeTitle")}</legend>
        <p className="help">{t("settingsDataMap.recipients.noticeHelp")}</p>
        <TextField
          id="recipient-noticeEmail"
          label={t("settingsDataMap.recipients.noticeEmail")}
          type="email"
          {...bind("noticeEmail")}
        />
        <TextField
          id="recipient-noticeWebhookUrl"
          label={t("settingsDataMap.recipients.noticeWebhookUrl")}
          help={t("settingsDataMap.recipients.noticeWebhookHelp")}
          {...bind("noticeWebhookUrl")}
        />
      </fieldset>
      {recipientClass === "PROCESSOR" && (
        <fieldset className="field">
          <legend>{t("settingsDataMap.recipients.processorTitle")}</legend>
          {text("processorCategoryJa", t("settingsDataMap.recipients.processorCategoryJa"), false)}
          {text("processorCategoryEn", t("settingsDataMap.recipients.processorCategoryEn"), false)}
        </fieldset>
      )}
      <div aria-live="polite">
        {state.saved && <p className="success">{t("settingsDataMap.saved")}</p>}
      </div>
      <FormAlert error={state.error} errorId={state.errorId} />
      <button type="submit" disabled={isSubmitting}>
        {t("settingsDataMap.save")}
      </button>
    </form>
  );
}
