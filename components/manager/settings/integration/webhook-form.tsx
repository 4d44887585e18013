"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { setWebhook } from "@/lib/actions/manager/integration/set-webhook";
import type { MessageKey } from "@/lib/i18n/translate";
import type { TSetWebhook } from "@/lib/validation/integration";

/** The system's restrictions.changed webhook: its URL, on or off. */
export function WebhookForm(props: {
  systemId: string;
  systemKey: string;
  url: string;
  active: boolean;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [state, setState] = useState<{ saved?: boolean; error?: MessageKey; errorId?: string }>({});
  const form = useForm<TSetWebhook>({
    resolver: lazyResolver(() => import("@/lib/validation/integration").then((m) => m.ZSetWebhook)),
    defaultValues: { systemId: props.systemId, url: props.url, active: props.active },
  });
  const { errors, isSubmitting } = form.formState;
  const id = (field: string) => `hook-${props.systemKey}-${field}`;

  const onSubmit = form.handleSubmit(async (values) => {
    setState({});
    const result = await setWebhook(values);
    if (result.ok) {
      setState({ saved: true });
      return router.refresh();
    }
    const message = result.fieldErrors?.url;
    if (message) form.setError("url", { message });
    setState({ error: result.error, errorId: result.errorId });
  });

  return (
    // Unnamed on purpose: every system has these forms, and named forms are landmarks whose names
    // would repeat (axe landmark-unique); the section around them carries the system's name.
    <form onSubmit={onSubmit} noValidate>
      <h3 id={id("title")}>{t("integration.webhook.title")}</h3>
      <p id={id("help")} className="help">
        {t("integration.webhook.help")}
      </p>
      <div className="field">
        <label htmlFor={id("url")}>{t("integration.webhook.url")}</label>
        <input
          id={id("url")}
          type="url"
          autoComplete="off"
          aria-invalid={errors.url ? true : undefined}
          aria-describedby={errors.url ? `${id("help")} ${id("url-error")}` : id("help")}
          {...form.register("url")}
        />
        <FieldError id={id("url-error")} message={errors.url?.message} />
      </div>
      <label className="choice">
        <input type="checkbox" {...form.register("active")} />
        {t("integration.webhook.active")}
      </label>
      <div aria-live="polite">
        {state.saved && <p className="success">{t("integration.webhook.saved")}</p>}
      </div>
      <FormAlert error={state.error} errorId={state.errorId} />
      <button type="submit" disabled={isSubmitting}>
        {t("integration.webhook.submit")}
      </button>
    </form>
  );
}
