"use client";

import { useForm } from "@/components/forms/use-form";
import { Choice, TextField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { setWebhook } from "@/lib/actions/manager/integration/set-webhook";
import type { TSetWebhook } from "@/lib/validation/integration";

/** The system's restrictions.changed webhook: its URL, on or off. */
export function WebhookForm(props: {
  systemId: string;
  systemKey: string;
  url: string;
  active: boolean;
}) {
  const { t } = useI18n();
  const form = useForm<TSetWebhook>({
    resolver: lazyResolver(() => import("@/lib/validation/integration").then((m) => m.ZSetWebhook)),
    defaultValues: { systemId: props.systemId, url: props.url, active: props.active },
  });
  const { errors } = form.formState;
  const { failure, onSubmit, pending } = useActionForm(form, setWebhook, {
    saved: "integration.webhook.saved",
    fields: ["url"],
  });
  const id = (field: string) => `hook-${props.systemKey}-${field}`;

  return (
    // Unnamed on purpose: every system has these forms, and named forms are landmarks whose names
    // would repeat (axe landmark-unique); the section around them carries the system's name.
    <form onSubmit={onSubmit} noValidate>
      <h3 id={id("title")}>{t("integration.webhook.title")}</h3>
      <p id={id("help")} className="help">
        {t("integration.webhook.help")}
      </p>
      <TextField
        id={id("url")}
        type="url"
        autoComplete="off"
        label={t("integration.webhook.url")}
        describedBy={id("help")}
        error={errors.url?.message}
        registration={form.register("url")}
      />
      <Choice
        type="checkbox"
        label={t("integration.webhook.active")}
        registration={form.register("active")}
      />
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={pending}>{t("integration.webhook.submit")}</SubmitButton>
    </form>
  );
}
