"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { setRequestJurisdictions } from "@/lib/actions/staff/set-jurisdictions";
import type { MessageKey } from "@/lib/i18n/translate";
import { JURISDICTIONS } from "@/lib/requests/jurisdiction";
import type { TSetJurisdictions } from "@/lib/validation/jurisdictions";

/** Staff change the laws a request answers to, with the reason; the deadlines follow. */
export function JurisdictionForm(props: {
  reference: string;
  current: string[];
  labels: Record<string, string>;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [failure, setFailure] = useState<{ error: MessageKey; errorId?: string }>();
  const [done, setDone] = useState(false);
  const form = useForm<TSetJurisdictions>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/jurisdictions").then((m) => m.ZSetJurisdictions),
    ),
    defaultValues: {
      reference: props.reference,
      jurisdictions: props.current as TSetJurisdictions["jurisdictions"],
      note: "",
    },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(undefined);
    setDone(false);
    const result = await setRequestJurisdictions(values);
    if (!result.ok) {
      for (const [name, message] of Object.entries(result.fieldErrors ?? {}))
        form.setError(name as keyof TSetJurisdictions, { message });
      return setFailure({ error: result.error, errorId: result.errorId });
    }
    setDone(true);
    form.setValue("note", "");
    router.refresh();
  });

  return (
    <details>
      <summary>{t("jurisdictions.change.title")}</summary>
      <form onSubmit={onSubmit} noValidate aria-label={t("jurisdictions.change.title")}>
        <p className="help">{t("jurisdictions.change.help")}</p>
        <fieldset
          className="field"
          aria-describedby={errors.jurisdictions ? "jurisdictions-error" : undefined}
        >
          <legend>{t("jurisdictions.change.legend")}</legend>
          {JURISDICTIONS.map((j) => (
            <div key={j}>
              <label className="choice">
                <input type="checkbox" value={j} {...form.register("jurisdictions")} />{" "}
                {props.labels[j]}
              </label>
            </div>
          ))}
          <FieldError id="jurisdictions-error" message={errors.jurisdictions?.message} />
        </fieldset>
        <div className="field">
          <label htmlFor="jurisdictions-note">{t("jurisdictions.change.note")}</label>
          <textarea
            id="jurisdictions-note"
            rows={2}
            aria-invalid={errors.note ? true : undefined}
            aria-describedby={errors.note ? "jurisdictions-note-error" : undefined}
            {...form.register("note")}
          />
          <FieldError id="jurisdictions-note-error" message={errors.note?.message} />
        </div>
        <FormAlert error={failure?.error} errorId={failure?.errorId} />
        {done && <p role="status">{t("jurisdictions.change.done")}</p>}
        <button type="submit" disabled={isSubmitting}>
          {t("jurisdictions.change.submit")}
        </button>
      </form>
    </details>
  );
}
