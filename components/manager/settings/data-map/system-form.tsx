"use client";

import { Choice, ChoiceGroup, SelectField, TextField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useI18n } from "@/components/i18n/i18n-provider";
import { saveSystem } from "@/lib/actions/manager/data-map/save-system";
import { CONNECTOR_KINDS } from "@/lib/validation/choices";
import type { TSystemConfig } from "@/lib/validation/data-map-config";

import { useConfigForm } from "./fields";
import { NameFields } from "./name-fields";

const EMPTY: TSystemConfig = {
  key: "",
  nameJa: "",
  nameEn: "",
  descriptionJa: "",
  descriptionEn: "",
  connector: "MANUAL",
  endpoint: "",
  timeoutMs: "10000",
  mailTo: "",
  mailLocale: "ja",
  remindEveryDays: "3",
  maxReminders: "5",
};

/**
 * Adds a data system, or edits one (`initial` with its id); the HTTP fields show for HTTP only,
 * the recipient and reminders for EMAIL only.
 */
export function SystemForm(props: { initial?: TSystemConfig }) {
  const { t } = useI18n();
  const { form, bind, failure, onSubmit, pending, editing } = useConfigForm<TSystemConfig>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/data-map-config").then((m) => m.ZSystemConfig),
    ),
    initial: props.initial,
    empty: EMPTY,
    save: saveSystem,
  });
  const { errors } = form.formState;
  const connector = form.watch("connector");

  return (
    <form onSubmit={onSubmit} noValidate className="panel" aria-labelledby="system-form-title">
      <h2 id="system-form-title">
        {editing ? t("settingsDataMap.edit") : t("settingsDataMap.createTitle")}
      </h2>
      <NameFields prefix="system" bind={bind} fixedKey={props.initial?.key} />
      <ChoiceGroup
        id="system-connector"
        legend={t("settingsDataMap.systems.connector")}
        error={errors.connector?.message}
      >
        {CONNECTOR_KINDS.map((kind) => (
          <Choice
            key={kind}
            type="radio"
            value={kind}
            label={t(`settingsDataMap.systems.connectorKind.${kind}`)}
            registration={form.register("connector")}
          />
        ))}
      </ChoiceGroup>
      {connector === "HTTP" && (
        <>
          <TextField
            id="system-endpoint"
            type="url"
            autoComplete="off"
            label={t("settingsDataMap.systems.endpoint")}
            hint={t("settingsDataMap.systems.endpointHelp")}
            {...bind("endpoint")}
          />
          <TextField
            id="system-timeoutMs"
            type="number"
            autoComplete="off"
            label={t("settingsDataMap.systems.timeoutMs")}
            hint={t("settingsDataMap.systems.timeoutHelp")}
            {...bind("timeoutMs")}
          />
        </>
      )}
      {connector === "EMAIL" && (
        <>
          <TextField
            id="system-mailTo"
            type="email"
            autoComplete="off"
            label={t("settingsDataMap.systems.mailTo")}
            hint={t("settingsDataMap.systems.mailToHelp")}
            {...bind("mailTo")}
          />
          <SelectField
            id="system-mailLocale"
            label={t("settingsDataMap.systems.mailLocale")}
            error={errors.mailLocale?.message}
            registration={form.register("mailLocale")}
          >
            <option value="ja">日本語</option>
            <option value="en">English</option>
          </SelectField>
          <TextField
            id="system-remindEveryDays"
            type="number"
            autoComplete="off"
            label={t("settingsDataMap.systems.remindEveryDays")}
            hint={t("settingsDataMap.systems.remindEveryHelp")}
            {...bind("remindEveryDays")}
          />
          <TextField
            id="system-maxReminders"
            type="number"
            autoComplete="off"
            label={t("settingsDataMap.systems.maxReminders")}
            hint={t("settingsDataMap.systems.maxRemindersHelp")}
            {...bind("maxReminders")}
          />
        </>
      )}
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={pending}>{t("settingsDataMap.save")}</SubmitButton>
    </form>
  );
}
