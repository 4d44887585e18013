"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { createApiKey } from "@/lib/actions/manager/integration/create-api-key";
import type { MessageKey } from "@/lib/i18n/translate";
import { API_SCOPES } from "@/lib/validation/choices";
import type { TCreateApiKey } from "@/lib/validation/integration";

import { ShownOnce } from "./shown-once";

/** Issues a key for one system; the key is shown once, here, and never again. */
export function CreateKeyForm({ systemId, systemKey }: { systemId: string; systemKey: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [state, setState] = useState<{ key?: string; error?: MessageKey; errorId?: string }>({});
  const empty: TCreateApiKey = { systemId, label: "", scopes: [] };
  const form = useForm<TCreateApiKey>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/integration").then((m) => m.ZCreateApiKey),
    ),
    defaultValues: empty,
  });
  const { errors, isSubmitting } = form.formState;
  const id = (field: string) => `key-${systemKey}-${field}`;

  const onSubmit = form.handleSubmit(async (values) => {
    setState({});
    const result = await createApiKey(values);
    if (result.ok) {
      form.reset(empty);
      setState({ key: result.data.key });
      return router.refresh();
    }
    for (const field of ["label", "scopes"] as const) {
      const message = result.fieldErrors?.[field];
      if (message) form.setError(field, { message });
    }
    setState({ error: result.error, errorId: result.errorId });
  });

  return (
    // Unnamed on purpose: every system has these forms, and named forms are landmarks whose names
    // would repeat (axe landmark-unique); the section around them carries the system's name.
    <form onSubmit={onSubmit} noValidate>
      <h3 id={id("title")}>{t("integration.create.title")}</h3>
      <div className="field">
        <label htmlFor={id("label")}>{t("integration.create.label")}</label>
        <p id={id("label-help")} className="help">
          {t("integration.create.labelHelp")}
        </p>
        <input
          id={id("label")}
          type="text"
          autoComplete="off"
          aria-invalid={errors.label ? true : undefined}
          aria-describedby={
            errors.label ? `${id("label-help")} ${id("label-error")}` : id("label-help")
          }
          {...form.register("label")}
        />
        <FieldError id={id("label-error")} message={errors.label?.message} />
      </div>
      <fieldset className="field" aria-describedby={errors.scopes ? id("scopes-error") : undefined}>
        <legend>{t("integration.create.scopes")}</legend>
        {API_SCOPES.map((scope) => (
          <label key={scope} className="choice">
            <input type="checkbox" value={scope} {...form.register("scopes")} />
            {t(`integration.scope.${scope}`)} <code>{scope}</code>
          </label>
        ))}
        <FieldError id={id("scopes-error")} message={errors.scopes?.message} />
      </fieldset>
      <div aria-live="polite">
        {state.key && <ShownOnce id={id("new")} plaintext={state.key} />}
      </div>
      <FormAlert error={state.error} errorId={state.errorId} />
      <button type="submit" disabled={isSubmitting}>
        {t("integration.create.submit")}
      </button>
    </form>
  );
}
