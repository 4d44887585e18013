"use client";

import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { saveSystem } from "@/lib/actions/manager/data-map/save-system";
import { CONNECTOR_KINDS } from "@/lib/validation/choices";
import type { TSystemConfig } from "@/lib/validation/data-map-config";

import { TextField, useConfigForm } from "./fields";
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
};

/** Adds a data system, or edits one (`initial` with its id); the HTTP fields show for HTTP only. */
export function SystemForm(props: { initial?: TSystemConfig }) {
  const { t } = useI18n();
  const { form, bind, state, onSubmit, editing } = useConfigForm<TSystemConfig>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/data-map-config").then((m) => m.ZSystemConfig),
    ),
    initial: props.initial,
    empty: EMPTY,
    save: saveSystem,
  });
  const { errors, isSubmitting } = form.formState;
  const connector = form.watch("connector");

  return (
    <form onSubmit={onSubmit} noValidate className="panel" aria-labelledby="system-form-title">
      <h2 id="system-form-title">
        {editing ? t("settingsDataMap.edit") : t("settingsDataMap.createTitle")}
      </h2>
      <NameFields prefix="system" bind={bind} fixedKey={props.initial?.key} />
      <fieldset
        className="field"
        aria-describedby={errors.connector ? "system-connector-error" : undefined}
      >
        <legend>{t("settingsDataMap.systems.connector")}</legend>
        {CONNECTOR_KINDS.map((kind) => (
          <label key={kind} className="choice">
            <input type="radio" value={kind} {...form.register("connector")} />
            {t(`settingsDataMap.systems.connectorKind.${kind}`)}
          </label>
        ))}
        <FieldError id="system-connector-error" message={errors.connector?.message} />
      </fieldset>
      {connector === "HTTP" && (
        <>
          <TextField
            id="system-endpoint"
            type="url"
            label={t("settingsDataMap.systems.endpoint")}
            help={t("settingsDataMap.systems.endpointHelp")}
            {...bind("endpoint")}
          />
          <TextField
            id="system-timeoutMs"
            type="number"
            label={t("settingsDataMap.systems.timeoutMs")}
            help={t("settingsDataMap.systems.timeoutHelp")}
            {...bind("timeoutMs")}
          />
        </>
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
