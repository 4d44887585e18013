"use client";

import { CheckboxField, TextAreaField, TextField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useI18n } from "@/components/i18n/i18n-provider";
import { savePurpose } from "@/lib/actions/manager/data-map/save-purpose";
import type { TPurposeConfig } from "@/lib/validation/data-map-config";

import { useConfigForm } from "./fields";
import { NameFields } from "./name-fields";

const EMPTY: TPurposeConfig = {
  key: "",
  nameJa: "",
  nameEn: "",
  descriptionJa: "",
  descriptionEn: "",
  suspendable: true,
  gpcOptOut: false,
  suspensionNoteJa: "",
  suspensionNoteEn: "",
  sortOrder: "0",
};

/** Adds a purpose of use, or edits one (`initial` with its id). */
export function PurposeForm(props: { initial?: TPurposeConfig }) {
  const { t } = useI18n();
  const { form, bind, failure, onSubmit, pending, editing } = useConfigForm<TPurposeConfig>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/data-map-config").then((m) => m.ZPurposeConfig),
    ),
    initial: props.initial,
    empty: EMPTY,
    save: savePurpose,
  });
  const suspendable = form.watch("suspendable");

  return (
    <form onSubmit={onSubmit} noValidate className="panel" aria-labelledby="purpose-form-title">
      <h2 id="purpose-form-title">
        {editing ? t("settingsDataMap.edit") : t("settingsDataMap.createTitle")}
      </h2>
      <NameFields prefix="purpose" bind={bind} fixedKey={props.initial?.key} />
      <CheckboxField
        id="purpose-suspendable"
        label={t("settingsDataMap.purposes.suspendable")}
        hint={t("settingsDataMap.purposes.suspendableHelp")}
        {...bind("suspendable")}
      />
      <CheckboxField
        id="purpose-gpcOptOut"
        label={t("settingsDataMap.purposes.gpcOptOut")}
        hint={t("settingsDataMap.purposes.gpcOptOutHelp")}
        {...bind("gpcOptOut")}
      />
      {!suspendable && (
        <>
          <TextAreaField
            id="purpose-suspensionNoteJa"
            label={t("settingsDataMap.purposes.suspensionNoteJa")}
            hint={t("settingsDataMap.purposes.suspensionNoteHelp")}
            {...bind("suspensionNoteJa")}
          />
          <TextAreaField
            id="purpose-suspensionNoteEn"
            label={t("settingsDataMap.purposes.suspensionNoteEn")}
            {...bind("suspensionNoteEn")}
          />
        </>
      )}
      <TextField
        id="purpose-sortOrder"
        type="number"
        autoComplete="off"
        label={t("settingsDataMap.field.sortOrder")}
        {...bind("sortOrder")}
      />
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={pending}>{t("settingsDataMap.save")}</SubmitButton>
    </form>
  );
}
