"use client";

import { useForm } from "@/components/forms/use-form";
import { TextAreaField, TextField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { saveTemplate } from "@/lib/actions/manager/policies/save-template";
import type { TemplateText } from "@/lib/data/templates/list-template-texts";
import type { TTemplateSave } from "@/lib/validation/policies-config";

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
  const { failure, onSubmit, pending } = useActionForm(form, saveTemplate, {
    saved: "settingsPolicies.saved",
  });
  const required =
    template.required.length > 0
      ? t("settingsPolicies.templates.required", {
          list: template.required.map((name) => `{${name}}`).join(" "),
        })
      : t("settingsPolicies.templates.requiredNone");

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
      <TextField
        id={`${prefix}-subject`}
        label={t("settingsPolicies.templates.subject")}
        describedBy={`${prefix}-required`}
        error={errors.subject?.message}
        registration={form.register("subject")}
      />
      <TextAreaField
        id={`${prefix}-body`}
        rows={8}
        label={t("settingsPolicies.templates.body")}
        describedBy={`${prefix}-required`}
        error={errors.body?.message}
        registration={form.register("body")}
      />
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={pending}>
        {template.own ? t("settingsPolicies.save") : t("settingsPolicies.templates.create")}
      </SubmitButton>
    </form>
  );
}
