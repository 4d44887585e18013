"use client";

import { useState } from "react";

import { useForm } from "@/components/forms/use-form";
import { Choice, ChoiceGroup, TextField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { createApiKey } from "@/lib/actions/manager/integration/create-api-key";
import { API_SCOPES } from "@/lib/validation/choices";
import type { TCreateApiKey } from "@/lib/validation/integration";

import { ShownOnce } from "./shown-once";

/** Issues a key for one system; the key is shown once, here, and never again. */
export function CreateKeyForm({ systemId, systemKey }: { systemId: string; systemKey: string }) {
  const { t } = useI18n();
  const [key, setKey] = useState<string>();
  const empty: TCreateApiKey = { systemId, label: "", scopes: [] };
  const form = useForm<TCreateApiKey>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/integration").then((m) => m.ZCreateApiKey),
    ),
    defaultValues: empty,
  });
  const { errors } = form.formState;
  const id = (field: string) => `key-${systemKey}-${field}`;
  // A new submit hides the key shown before; a success shows the new one (not a toast: it must
  // be copied).
  const { failure, onSubmit, pending } = useActionForm(
    form,
    (values) => {
      setKey(undefined);
      return createApiKey(values);
    },
    {
      fields: ["label", "scopes"],
      onSuccess: (result) => {
        form.reset(empty);
        setKey(result.data.key);
      },
    },
  );

  return (
    // Unnamed on purpose: every system has these forms, and named forms are landmarks whose names
    // would repeat (axe landmark-unique); the section around them carries the system's name.
    <form onSubmit={onSubmit} noValidate>
      <h3 id={id("title")}>{t("integration.create.title")}</h3>
      <TextField
        id={id("label")}
        label={t("integration.create.label")}
        hint={t("integration.create.labelHelp")}
        autoComplete="off"
        error={errors.label?.message}
        registration={form.register("label")}
      />
      <ChoiceGroup
        id={id("scopes")}
        legend={t("integration.create.scopes")}
        error={errors.scopes?.message}
      >
        {API_SCOPES.map((scope) => (
          <Choice
            key={scope}
            type="checkbox"
            value={scope}
            label={
              <>
                {t(`integration.scope.${scope}`)} <code>{scope}</code>
              </>
            }
            registration={form.register("scopes")}
          />
        ))}
      </ChoiceGroup>
      <div aria-live="polite">{key && <ShownOnce id={id("new")} plaintext={key} />}</div>
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={pending}>{t("integration.create.submit")}</SubmitButton>
    </form>
  );
}
