"use client";

import { useEffect } from "react";
import { useFieldArray, useFormContext } from "react-hook-form";

import { ChoiceGroup } from "@/components/forms/field";
import { useI18n } from "@/components/i18n/i18n-provider";
import { CORRECTION_ACTIONS } from "@/lib/validation/choices";

import { Select, TextField, useFieldError } from "./fields";
import type { FormValues } from "./form-values";
import type { NamedOptions } from "./type-fields";

/** APPI Art.34: each item with what to do, which item, and the correct content; then the reason. */
export function CorrectionFields({ options }: { options: NamedOptions }) {
  const { t } = useI18n();
  const { control, watch, getValues, setValue } = useFormContext<FormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "details.items" });
  // A picked item carries its own category; keep the category field in step with it.
  const picks = watch("details.items")
    .map((i) => i.itemId)
    .join(",");
  useEffect(() => {
    getValues("details.items").forEach((item, i) => {
      const category = options.items.find((o) => o.id === item.itemId)?.categoryKey;
      if (category && item.categoryKey !== category)
        setValue(`details.items.${i}.categoryKey`, category);
    });
  }, [picks, options.items, getValues, setValue]);
  const itemsError = useFieldError("details.items");
  return (
    <>
      <ChoiceGroup id="details-items" legend={t("requestForm.correctionItems")} error={itemsError}>
        {fields.map((f, i) => {
          const picked = watch(`details.items.${i}.itemId`);
          return (
            <fieldset key={f.id} className="panel">
              <legend>{t("requestForm.correctionItem", { number: i + 1 })}</legend>
              <Select
                name={`details.items.${i}.action`}
                label="requestForm.correctionAction"
                options={CORRECTION_ACTIONS.map((a) => ({
                  value: a,
                  label: t(`requestForm.correction${a}`),
                }))}
              />
              {options.items.length > 0 && (
                <Select
                  name={`details.items.${i}.itemId`}
                  label="requestForm.correctionTarget"
                  options={[
                    { value: "", label: t("requestForm.correctionOther") },
                    ...options.items.map((it) => ({ value: it.id, label: it.label })),
                  ]}
                />
              )}
              {!picked && (
                <>
                  <Select
                    name={`details.items.${i}.categoryKey`}
                    label="requestForm.correctionCategory"
                    options={[
                      { value: "", label: "—" },
                      ...options.categories.map((c) => ({ value: c.key, label: c.name })),
                    ]}
                  />
                  <TextField
                    name={`details.items.${i}.field`}
                    label="requestForm.correctionField"
                  />
                </>
              )}
              <TextField
                name={`details.items.${i}.correctedValue`}
                label="requestForm.correctedValue"
              />
              {fields.length > 1 && (
                <button type="button" className="link" onClick={() => remove(i)}>
                  {t("requestForm.removeItem")}
                </button>
              )}
            </fieldset>
          );
        })}
        {fields.length < 20 && (
          <button
            type="button"
            className="link"
            onClick={() =>
              append({
                action: "CORRECT",
                categoryKey: "",
                itemId: "",
                field: "",
                correctedValue: "",
              })
            }
          >
            {t("requestForm.addItem")}
          </button>
        )}
      </ChoiceGroup>
      <TextField name="details.reason" label="requestForm.reason" multiline />
    </>
  );
}
