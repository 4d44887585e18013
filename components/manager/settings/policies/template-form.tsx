"use client";

import { useForm } from "react-hook-form";

import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { saveTemplate } from "@/lib/actions/manager/policies/save-template";
import type { TemplateText } from "@/lib/data/templates/list-template-texts";
import type { TTemplateSave } from "@/lib/validation/policies-config";

import { useActionForm } from "@/components/forms/use-action-form";

const FIELDS = ["subject", "body"] as const;

/** One template in one language: the organisation's wording, or the default to start from. */
export function TemplateForm({ template }: { template: TemplateText }) {
  const { t } = useI18n();
  const prefix = `tpl-${template.key}-${template.locale}`;
  const form = useForm<TTemplateSave>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/policies-config").then((m) => m.ZTemplateSave),
    ),
    defaultValues: {
      key: template.key,
      locale: template.locale,
      subject: template.subject,
      body: template.body,
    },
  });
  const { errors } = form.formState;
  const { state, onSubmit } = useActionForm(form, FIELDS, saveTemplate);
  const required =
    template.required.length > 0
      ? t("settingsPolicies.templates.required", {
          list: template.required.map((name) => `{${name}}`).join(" "),
        })
      : t("settingsPolicies.templates.requiredNone");
  const describe = (field: (typeof FIELDS)[number]) =>
    [`${prefix}-required`, errors[field] ? `${prefix}-${field}-error` : undefined]
      .filter(Boolean)
      .join(" ");

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="panel"
      aria-labelledby={`tpl-${template.key} ${prefix}-title`}
      data-testid={prefix}
    >
      <h3 id={`${prefix}-title`}>
        {t(`settingsPolicies.templates.locale.${template.locale}`)}{" "}
        <span className="badge">
          {template.own
            ? t("settingsPolicies.templates.own")
            : t("settingsPolicies.templates.default")}
        </span>
      </h3>
      <p id={`${prefix}-required`} className="help">
        {required}
      </p>
      {FIELDS.map((field) => (
        <div key={field} className="field">
          <label htmlFor={`${prefix}-${field}`}>{t(`settingsPolicies.templates.${field}`)}</label>
          {field === "subject" ? (
            <input
              id={`${prefix}-${field}`}
              type="text"
              aria-invalid={errors[field] ? true : undefined}
              aria-describedby={describe(field)}
              {...form.register(field)}
            />
          ) : (
            <textarea
              id={`${prefix}-${field}`}
              rows={8}
              aria-invalid={errors[field] ? true : undefined}
              aria-describedby={describe(field)}
              {...form.register(field)}
            />
          )}
          <FieldError id={`${prefix}-${field}-error`} message={errors[field]?.message} />
        </div>
      ))}
      <div aria-live="polite">
        {state.saved && <p className="success">{t("settingsPolicies.saved")}</p>}
      </div>
      <FormAlert error={state.error} errorId={state.errorId} />
      <button type="submit" disabled={form.formState.isSubmitting}>
        {template.own ? t("settingsPolicies.save") : t("settingsPolicies.templates.create")}
      </button>
    </form>
  );
}
