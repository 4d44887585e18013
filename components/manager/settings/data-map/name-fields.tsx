"use client";

import type { UseFormRegisterReturn } from "react-hook-form";

import { FieldError } from "@/components/forms/field-error";
import { useI18n } from "@/components/i18n/i18n-provider";

import { TextField } from "./fields";

export type NameField = "key" | "nameJa" | "nameEn" | "descriptionJa" | "descriptionEn";
export type Bind<F extends string> = (name: F) => {
  registration: UseFormRegisterReturn;
  error?: string;
};

/**
 * The key, names and descriptions every data-map entry has. On edit the key is shown but not
 * editable: requests, the ledger and connected systems refer to it.
 */
export function NameFields(props: { prefix: string; bind: Bind<NameField>; fixedKey?: string }) {
  const { t } = useI18n();
  const { prefix, bind } = props;
  const field = (name: NameField, label: string, multiline = false) => (
    <TextField id={`${prefix}-${name}`} label={label} multiline={multiline} {...bind(name)} />
  );
  return (
    <>
      {props.fixedKey === undefined ? (
        <TextField
          id={`${prefix}-key`}
          label={t("settingsDataMap.field.key")}
          help={t("settingsDataMap.field.keyHelp")}
          {...bind("key")}
        />
      ) : (
        <div className="field">
          <p>
            {t("settingsDataMap.field.keyFixed")}: <code>{props.fixedKey}</code>
          </p>
          {/* Shown in case a key stored before this form's rules no longer passes them. */}
          <FieldError id={`${prefix}-key-error`} message={bind("key").error} />
        </div>
      )}
      {field("nameJa", t("settingsDataMap.field.nameJa"))}
      {field("nameEn", t("settingsDataMap.field.nameEn"))}
      {field("descriptionJa", t("settingsDataMap.field.descriptionJa"), true)}
      {field("descriptionEn", t("settingsDataMap.field.descriptionEn"), true)}
    </>
  );
}
