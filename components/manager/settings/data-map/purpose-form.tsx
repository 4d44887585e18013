"use client";

import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { useI18n } from "@/components/i18n/i18n-provider";
import { savePurpose } from "@/lib/actions/manager/data-map/save-purpose";
import type { TPurposeConfig } from "@/lib/validation/data-map-config";

import { TextField, useConfigForm } from "./fields";
import { NameFields } from "./name-fields";

const EMPTY: TPurposeConfig = {
  key: "",
  nameJa: "",
  nameEn: "",
  descriptionJa: "",
  descriptionEn: "",
  suspendable: true,
  suspensionNoteJa: "",
  suspensionNoteEn: "",
  sortOrder: "0",
};

/** Adds a purpose of use, or edits one (`initial` with its id). */
export function PurposeForm(props: { initial?: TPurposeConfig }) {
  const { t } = useI18n();
  const { form, bind, state, onSubmit, editing } = useConfigForm<TPurposeConfig>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/data-map-config").then((m) => m.ZPurposeConfig),
    ),
    initial: props.initial,
    empty: EMPTY,
    save: savePurpose,
  });
  const { isSubmitting } = form.formState;
  const suspendable = form.watch("suspendable");

  return (
    <form onSubmit={onSubmit} noValidate className="panel" aria-labelledby="purpose-form-title">
      <h2 id="purpose-form-title">
        {editing ? t("settingsDataMap.edit") : t("settingsDataMap.createTitle")}
      </h2>
      <NameFields prefix="purpose" bind={bind} fixedKey={props.initial?.key} />
      <div className="field">
        <label className="choice">
          <input
            type="checkbox"
            aria-describedby="purpose-suspendable-help"
            {...form.register("suspendable")}
          />
          {t("settingsDataMap.purposes.suspendable")}
        </label>
        <p id="purpose-suspendable-help" className="help">
          {t("settingsDataMap.purposes.suspendableHelp")}
        </p>
      </div>
      {!suspendable && (
        <>
          <TextField
            id="purpose-suspensionNoteJa"
            multiline
            label={t("settingsDataMap.purposes.suspensionNoteJa")}
            help={t("settingsDataMap.purposes.suspensionNoteHelp")}
            {...bind("suspensionNoteJa")}
          />
          <TextField
            id="purpose-suspensionNoteEn"
            multiline
            label={t("settingsDataMap.purposes.suspensionNoteEn")}
            {...bind("suspensionNoteEn")}
          />
        </>
      )}
      <TextField
        id="purpose-sortOrder"
        type="number"
        label={t("settingsDataMap.field.sortOrder")}
        {...bind("sortOrder")}
      />
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
