"use client";

import { ChoiceGroup, TextAreaField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useForm } from "@/components/forms/use-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { toast } from "@/components/ui/toast";
import { updateStatements } from "@/lib/actions/manager/brand/update-statements";
import { STATEMENT_FIELDS } from "@/lib/validation/choices";
import type { TStatements } from "@/lib/validation/statements";

// Each statement once, as a group, its Japanese and English side by side (stacked on a phone).
const TOPICS = [
  ...new Set(STATEMENT_FIELDS.map((f) => f.replace(/(Ja|En)$/, ""))),
] as (keyof typeof TOPIC_LABELS)[];
const TOPIC_LABELS = {
  complaintDesk: "settingsBrand.statements.field.complaintDesk",
  offlineFiling: "settingsBrand.statements.field.offlineFiling",
  identityDocumentsNote: "settingsBrand.statements.field.identityDocumentsNote",
  securityMeasures: "settingsBrand.statements.field.securityMeasures",
  processorOversight: "settingsBrand.statements.field.processorOversight",
  lawEnforcementPolicy: "settingsBrand.statements.field.lawEnforcementPolicy",
  automatedDecisions: "settingsBrand.statements.field.automatedDecisions",
} as const;

/** The organisation's public statements; saving may publish a new privacy-notice version. */
export function StatementsForm({ values }: { values: TStatements }) {
  const { t } = useI18n();
  const form = useForm<TStatements>({
    resolver: lazyResolver(() => import("@/lib/validation/statements").then((m) => m.ZStatements)),
    defaultValues: values,
  });
  const { errors } = form.formState;
  const { failure, onSubmit, pending } = useActionForm(form, updateStatements, {
    fields: STATEMENT_FIELDS,
    onSuccess: (result) => {
      const version = result.data.noticeVersion;
      toast(
        version
          ? t("settingsBrand.statements.savedVersion", { version })
          : t("settingsBrand.statements.saved"),
      );
    },
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="panel"
      aria-label={t("settingsBrand.statements.title")}
    >
      {TOPICS.map((topic) => (
        <ChoiceGroup
          key={topic}
          id={`statement-${topic}`}
          legend={t(TOPIC_LABELS[topic])}
          className="wide"
        >
          <div className="pairs">
            {(["Ja", "En"] as const).map((language) => {
              const name = `${topic}${language}` as const;
              return (
                <TextAreaField
                  key={name}
                  id={`statement-${name}`}
                  // The group's legend names the statement; the label, its language.
                  label={t(
                    language === "Ja"
                      ? "settingsBrand.statements.ja"
                      : "settingsBrand.statements.en",
                  )}
                  rows={4}
                  error={errors[name]?.message}
                  registration={form.register(name)}
                />
              );
            })}
          </div>
        </ChoiceGroup>
      ))}
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={pending}>{t("settingsBrand.statements.save")}</SubmitButton>
    </form>
  );
}
