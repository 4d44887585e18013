"use client";

import { get, useFieldArray, useForm } from "react-hook-form";

import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
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
  const { state, onSubmit } = useActionForm(form, [], saveSystemFields);
  const error = (path: string): string | undefined => {
    const found: unknown = get(form.formState.errors, path);
    return (found as { message?: string } | undefined)?.message;
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate data-testid="fields-form">
      {fields.length === 0 ? (
        <p>{t("settingsDataMap.fields.empty")}</p>
      ) : (
        <table>
          <caption>{t("settingsDataMap.fields.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("settingsDataMap.fields.key")}</th>
              <th scope="col">{t("settingsDataMap.fields.labelJa")}</th>
              <th scope="col">{t("settingsDataMap.fields.labelEn")}</th>
              <th scope="col">{t("settingsDataMap.fields.seen")}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((row, i) => {
              const seen = known.get(row.key);
              const id = `field-${i}`;
              return (
                <tr key={row.id} data-field={row.key || undefined}>
                  <th scope="row">
                    {seen ? (
                      <code id={`${id}-key`}>{row.key}</code>
                    ) : (
                      <>
                        <input
                          id={`${id}-key`}
                          aria-label={t("settingsDataMap.fields.key")}
                          autoComplete="off"
                          aria-invalid={error(`fields.${i}.key`) ? true : undefined}
                          aria-describedby={
                            error(`fields.${i}.key`) ? `${id}-key-error` : undefined
                          }
                          {...form.register(`fields.${i}.key`)}
                        />
                        <FieldError id={`${id}-key-error`} message={error(`fields.${i}.key`)} />
                      </>
                    )}
                  </th>
                  {(["labelJa", "labelEn"] as const).map((lang) => (
                    <td key={lang}>
                      <input
                        id={`${id}-${lang}`}
                        autoComplete="off"
                        aria-labelledby={`${id}-key ${id}-${lang}-label`}
                        aria-invalid={error(`fields.${i}.${lang}`) ? true : undefined}
                        aria-describedby={
                          error(`fields.${i}.${lang}`) ? `${id}-${lang}-error` : undefined
                        }
                        {...form.register(`fields.${i}.${lang}`)}
                      />
                      <span id={`${id}-${lang}-label`} hidden>
                        {t(`settingsDataMap.fields.${lang}`)}
                      </span>
                      <FieldError
                        id={`${id}-${lang}-error`}
                        message={error(`fields.${i}.${lang}`)}
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
          </tbody>
        </table>
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
      <div aria-live="polite">
        {state.saved && <p className="success">{t("settingsDataMap.fields.saved")}</p>}
      </div>
      <FormAlert error={state.error} errorId={state.errorId} />
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t("settingsDataMap.save")}
      </button>
    </form>
  );
}
