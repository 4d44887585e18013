"use client";

import { useForm } from "react-hook-form";

import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { updateAuthority } from "@/lib/actions/manager/policies/update-authority";
import type { TAuthority } from "@/lib/validation/policies-config";

const FIELDS = ["nameJa", "nameEn", "contactJa", "contactEn", "url"] as const;
const LABELS = {
  nameJa: "settingsPolicies.authorities.nameJa",
  nameEn: "settingsPolicies.authorities.nameEn",
  contactJa: "settingsPolicies.authorities.contactJa",
  contactEn: "settingsPolicies.authorities.contactEn",
  url: "settingsPolicies.authorities.url",
} as const;

/** One supervisory authority's names, contact and address, as a refusal or extension names them. */
export function AuthorityForm({ authority, title }: { authority: TAuthority; title: string }) {
  const { t } = useI18n();
  const form = useForm<TAuthority>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/policies-config").then((m) => m.ZAuthority),
    ),
    defaultValues: authority,
  });
  const { errors } = form.formState;
  const { state, onSubmit } = useActionForm(form, FIELDS, updateAuthority);
  const id = `authority-${authority.key}`;

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="panel"
      aria-labelledby={`${id}-title`}
      data-authority={authority.key}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      {FIELDS.map((field) => (
        <div key={field} className="field">
          <label htmlFor={`${id}-${field}`}>{t(LABELS[field])}</label>
          <input
            id={`${id}-${field}`}
            type={field === "url" ? "url" : "text"}
            aria-invalid={errors[field] ? true : undefined}
            aria-describedby={errors[field] ? `${id}-${field}-error` : undefined}
            {...form.register(field)}
          />
          <FieldError id={`${id}-${field}-error`} message={errors[field]?.message} />
        </div>
      ))}
      <div aria-live="polite">
        {state.saved && <p className="success">{t("settingsPolicies.saved")}</p>}
      </div>
      <FormAlert error={state.error} errorId={state.errorId} />
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t("settingsPolicies.save")}
      </button>
    </form>
  );
}
