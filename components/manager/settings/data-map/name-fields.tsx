"use client";

import { Field, TextAreaField, TextField } from "@/components/forms/field";
import { useI18n } from "@/components/i18n/i18n-provider";

import type { Bound } from "./fields";

export type NameField = "key" | "nameJa" | "nameEn" | "descriptionJa" | "descriptionEn";
export type Bind<F extends string> = (name: F) => Bound;

/**
 * The key, names and descriptions every data-map entry has. On edit the key is shown but not
 * editable: requests, the ledger and connected systems refer to it.
 */
export function NameFields(props: { prefix: string; bind: Bind<NameField>; fixedKey?: string }) {
  const { t } = useI18n();
  const { prefix, bind } = props;
  const name = (field: "nameJa" | "nameEn") => (
    <TextField
      id={`${prefix}-${field}`}
      label={t(`settingsDataMap.field.${field}`)}
      autoComplete="off"
      {...bind(field)}
    />
  );
  const description = (field: "descriptionJa" | "descriptionEn") => (
    <TextAreaField
      id={`${prefix}-${field}`}
      label={t(`settingsDataMap.field.${field}`)}
      {...bind(field)}
    />
  );
  return (
    <>
      {props.fixedKey === undefined ? (
        <TextField
          id={`${prefix}-key`}
          label={t("settingsDataMap.field.key")}
          hint={t("settingsDataMap.field.keyHelp")}
          autoComplete="off"
          {...bind("key")}
        />
      ) : (
        // Shown as text, not editable; with its error in case a key stored before this form's
        // rules no longer passes them.
        <Field
          id={`${prefix}-key`}
          label={t("settingsDataMap.field.keyFixed")}
          error={bind("key").error}
        >
          {(control) => (
            <output {...control}>
              <code>{props.fixedKey}</code>
            </output>
          )}
        </Field>
      )}
      {name("nameJa")}
      {name("nameEn")}
      {description("descriptionJa")}
      {description("descriptionEn")}
    </>
  );
}
