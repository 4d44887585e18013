"use client";

import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { saveCategory } from "@/lib/actions/manager/data-map/save-category";
import { DATA_CLASSES } from "@/lib/validation/choices";
import type { TCategoryConfig } from "@/lib/validation/data-map-config";

import { TextField, useConfigForm } from "./fields";
import { NameFields } from "./name-fields";

const EMPTY: TCategoryConfig = {
  key: "",
  nameJa: "",
  nameEn: "",
  descriptionJa: "",
  descriptionEn: "",
  dataClass: "ORDINARY",
  sortOrder: "0",
};

/**
 * Adds a data category, or edits one (`initial` with its id). The class labels come from the
 * server's catalogue (the `dataClass` section is not sent to the browser).
 */
export function CategoryForm(props: {
  initial?: TCategoryConfig;
  classLabels: Record<(typeof DATA_CLASSES)[number], string>;
}) {
  const { t } = useI18n();
  const { form, bind, state, onSubmit, editing } = useConfigForm<TCategoryConfig>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/data-map-config").then((m) => m.ZCategoryConfig),
    ),
    initial: props.initial,
    empty: EMPTY,
    save: saveCategory,
  });
  const { errors, isSubmitting } = form.formState;

  return (
    <form onSubmit={onSubmit} noValidate className="panel" aria-labelledby="category-form-title">
      <h2 id="category-form-title">
        {editing ? t("settingsDataMap.edit") : t("settingsDataMap.createTitle")}
      </h2>
      <NameFields prefix="category" bind={bind} fixedKey={props.initial?.key} />
      <fieldset
        className="field"
        aria-describedby={errors.dataClass ? "category-dataClass-error" : undefined}
      >
        <legend>{t("settingsDataMap.categories.dataClass")}</legend>
        {DATA_CLASSES.map((value) => (
          <label key={value} className="choice">
            <input type="radio" value={value} {...form.register("dataClass")} />
            {props.classLabels[value]}
          </label>
        ))}
        <FieldError id="category-dataClass-error" message={errors.dataClass?.message} />
      </fieldset>
      <TextField
        id="category-sortOrder"
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
