"use client";

import { useForm } from "@/components/forms/use-form";
import { TextField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
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
  const { failure, onSubmit, pending } = useActionForm(form, updateAuthority, {
    saved: "settingsPolicies.saved",
  });
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
        <TextField
          key={field}
          id={`${id}-${field}`}
          type={field === "url" ? "url" : "text"}
          label={t(LABELS[field])}
          error={errors[field]?.message}
          registration={form.register(field)}
        />
      ))}
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={pending}>{t("settingsPolicies.save")}</SubmitButton>
    </form>
  );
}
