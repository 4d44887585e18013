"use client";

import { useForm } from "@/components/forms/use-form";
import { Choice, ChoiceGroup, TextAreaField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { setRequestJurisdictions } from "@/lib/actions/staff/set-jurisdictions";
import { JURISDICTIONS } from "@/lib/requests/jurisdiction";
import type { TSetJurisdictions } from "@/lib/validation/jurisdictions";

/** Staff change the laws a request answers to, with the reason; the deadlines follow. */
export function JurisdictionForm(props: {
  reference: string;
  current: string[];
  labels: Record<string, string>;
}) {
  const { t } = useI18n();
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
  const { errors } = form.formState;
  const { failure, onSubmit, pending } = useActionForm(form, setRequestJurisdictions, {
    saved: "jurisdictions.change.done",
    onSuccess: () => form.setValue("note", ""),
  });

  return (
    <details>
      <summary>{t("jurisdictions.change.title")}</summary>
      <form onSubmit={onSubmit} noValidate aria-label={t("jurisdictions.change.title")}>
        <p className="help">{t("jurisdictions.change.help")}</p>
        <ChoiceGroup
          id="jurisdictions"
          legend={t("jurisdictions.change.legend")}
          error={errors.jurisdictions?.message}
        >
          {JURISDICTIONS.map((j) => (
            <Choice
              key={j}
              type="checkbox"
              value={j}
              label={props.labels[j]}
              registration={form.register("jurisdictions")}
            />
          ))}
        </ChoiceGroup>
        <TextAreaField
          id="jurisdictions-note"
          label={t("jurisdictions.change.note")}
          rows={2}
          error={errors.note?.message}
          registration={form.register("note")}
        />
        <FormAlert error={failure.error} errorId={failure.errorId} />
        <SubmitButton pending={pending}>{t("jurisdictions.change.submit")}</SubmitButton>
      </form>
    </details>
  );
}
