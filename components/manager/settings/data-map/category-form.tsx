"use client";

import { Choice, ChoiceGroup, TextField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useI18n } from "@/components/i18n/i18n-provider";
import { saveCategory } from "@/lib/actions/manager/data-map/save-category";
import { DATA_CLASSES, DATA_SOURCES } from "@/lib/validation/choices";
import type { TCategoryConfig } from "@/lib/validation/data-map-config";

import { useConfigForm } from "./fields";
import { NameFields } from "./name-fields";

const EMPTY: TCategoryConfig = {
  key: "",
  nameJa: "",
  nameEn: "",
  descriptionJa: "",
  descriptionEn: "",
  dataClass: "ORDINARY",
  sources: [],
  retentionJa: "",
  retentionEn: "",
  sortOrder: "0",
};

/**
 * Adds a data category, or edits one (`initial` with its id), with what the privacy notice says
 * of it: how it is obtained and how long it is kept. The class and source labels come from the
 * server's catalogue (their sections are not sent to the browser).
 */
export function CategoryForm(props: {
  initial?: TCategoryConfig;
  classLabels: Record<(typeof DATA_CLASSES)[number], string>;
  sourceLabels: Record<(typeof DATA_SOURCES)[number], string>;
}) {
  const { t } = useI18n();
  const { form, bind, failure, onSubmit, pending, editing } = useConfigForm<TCategoryConfig>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/data-map-config").then((m) => m.ZCategoryConfig),
    ),
    initial: props.initial,
    empty: EMPTY,
    save: saveCategory,
  });
  const { errors } = form.formState;

  return (
    <form onSubmit={onSubmit} noValidate className="panel" aria-labelledby="category-form-title">
      <h2 id="category-form-title">
        {editing ? t("settingsDataMap.edit") : t("settingsDataMap.createTitle")}
      </h2>
      <NameFields prefix="category" bind={bind} fixedKey={props.initial?.key} />
      <ChoiceGroup
        id="category-dataClass"
        legend={t("settingsDataMap.categories.dataClass")}
        error={errors.dataClass?.message}
      >
        {DATA_CLASSES.map((value) => (
          <Choice
            key={value}
            type="radio"
            value={value}
            label={props.classLabels[value]}
            registration={form.register("dataClass")}
          />
        ))}
      </ChoiceGroup>
      <ChoiceGroup
        id="category-sources"
        legend={t("settingsDataMap.categories.sources")}
        hint={t("settingsDataMap.categories.sourcesHint")}
        error={errors.sources?.message}
      >
        {DATA_SOURCES.map((value) => (
          <Choice
            key={value}
            type="checkbox"
            value={value}
            label={props.sourceLabels[value]}
            registration={form.register("sources")}
          />
        ))}
      </ChoiceGroup>
      <TextField
        id="category-retentionJa"
        autoComplete="off"
        label={t("settingsDataMap.categories.retentionJa")}
        hint={t("settingsDataMap.categories.retentionHint")}
        {...bind("retentionJa")}
      />
      <TextField
        id="category-retentionEn"
        autoComplete="off"
        label={t("settingsDataMap.categories.retentionEn")}
        {...bind("retentionEn")}
      />
      <TextField
        id="category-sortOrder"
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
