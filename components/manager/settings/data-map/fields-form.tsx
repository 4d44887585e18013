"use client";

import { get, useFieldArray } from "react-hook-form";

import { StackTable } from "@/components/ui/stack-table";
import { useForm } from "@/components/forms/use-form";
import { TextField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { saveSystemFields } from "@/lib/actions/manager/data-map/save-system-fields";
import type { SystemField } from "@/lib/data/data-map/config/system-fields";
import type { TSystemFields } from "@/lib/validation/data-map-config";

/**
 * What one system's fields are called, in both languages: one row per field the data map names
 * or the portal has seen, unnamed ones first. A row left empty is not saved (people then see the
 * category's name); a field the system will send later can be added by its key.
 */
export function FieldsForm(props: { systemId: string; fields: SystemField[] }) {
  const { t } = useI18n();
  const form = useForm<TSystemFields>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/data-map-config").then((m) => m.ZSystemFields),
    ),
    defaultValues: {
      systemId: props.systemId,
      fields: props.fields.map((f) => ({ key: f.key, labelJa: f.labelJa, labelEn: f.labelEn })),
    },
  });
  const { fields, append } = useFieldArray({ control: form.control, name: "fields" });
  const known = new Map(props.fields.map((f) => [f.key, f]));
  const { failure, onSubmit, pending } = useActionForm(form, saveSystemFields, {
    saved: "settingsDataMap.fields.saved",
  });
  const error = (path: string): string | undefined => {
    const found: unknown = get(form.formState.errors, path);
    return (found as { message?: string } | undefined)?.message;
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate data-testid="fields-form">
      {fields.length === 0 ? (
        <p>{t("settingsDataMap.fields.empty")}</p>
      ) : (
        // One card per field on a phone (components/ui/stack-labels.ts).
        <StackTable
          caption={t("settingsDataMap.fields.caption")}
          columns={[
            t("settingsDataMap.fields.key"),
            t("settingsDataMap.fields.labelJa"),
            t("settingsDataMap.fields.labelEn"),
            { label: t("settingsDataMap.fields.seen"), narrow: true },
          ]}
        >
          {fields.map((row, i) => {
            const seen = known.get(row.key);
            const id = `field-${i}`;
            return (
              <tr key={row.id} data-field={row.key || undefined}>
                <th scope="row">
                  {seen ? (
                    <code id={`${id}-key`}>{row.key}</code>
                  ) : (
                    // The column's head says what it is; its label repeats that out of sight.
                    <TextField
                      id={`${id}-key`}
                      label={
                        <span className="visually-hidden">{t("settingsDataMap.fields.key")}</span>
                      }
                      aria-label={t("settingsDataMap.fields.key")}
                      autoComplete="off"
                      error={error(`fields.${i}.key`)}
                      registration={form.register(`fields.${i}.key`)}
                    />
                  )}
                </th>
                {(["labelJa", "labelEn"] as const).map((lang) => (
                  <td key={lang}>
                    {/* Named by the row's key and the column's (unseen) label together. */}
                    <TextField
                      id={`${id}-${lang}`}
                      label={
                        <span id={`${id}-${lang}-label`} className="visually-hidden">
                          {t(`settingsDataMap.fields.${lang}`)}
                        </span>
                      }
                      aria-labelledby={`${id}-key ${id}-${lang}-label`}
                      autoComplete="off"
                      error={error(`fields.${i}.${lang}`)}
                      registration={form.register(`fields.${i}.${lang}`)}
                    />
                  </td>
                ))}
                <td>
                  {seen
                    ? [
                        seen.items > 0
                          ? t("settingsDataMap.fields.items", { count: seen.items })
                          : null,
                        seen.answered ? t("settingsDataMap.fields.answered") : null,
                        !seen.labelJa ? t("settingsDataMap.fields.unnamed") : null,
                      ]
                        .filter(Boolean)
                        .join(" · ") || "—"
                    : t("settingsDataMap.fields.new")}
                </td>
              </tr>
            );
          })}
        </StackTable>
      )}
      <p>
        <button
          type="button"
          className="link"
          onClick={() => append({ key: "", labelJa: "", labelEn: "" })}
        >
          {t("settingsDataMap.fields.add")}
        </button>
      </p>
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={pending}>{t("settingsDataMap.save")}</SubmitButton>
    </form>
  );
}
