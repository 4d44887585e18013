"use client";

import { useForm } from "@/components/forms/use-form";
import {
  Choice,
  ChoiceGroup,
  SelectField,
  TextAreaField,
  TextField,
} from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { recordDisclosure } from "@/lib/actions/manager/record-disclosure";
import { LE_BASES, LE_DECISIONS, todayInJapan } from "@/lib/validation/choices";
import type { TLawEnforcementEntry } from "@/lib/validation/law-enforcement";

const empty = (): TLawEnforcementEntry => ({
  basis: "" as TLawEnforcementEntry["basis"],
  authority: "",
  issuingOfficer: "",
  scope: "",
  decision: "" as TLawEnforcementEntry["decision"],
  approverId: "",
  items: [],
  subjectEmail: "",
  disclosedOn: todayInJapan(),
  note: "",
});

/**
 * Records one law-enforcement request; the same zod schema runs here and in the action. Once
 * recorded the form is emptied for the next one.
 */
export function RegisterForm(props: {
  approvers: { id: string; label: string }[];
  categories: { key: string; name: string }[];
}) {
  const { t } = useI18n();
  const form = useForm<TLawEnforcementEntry>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/law-enforcement").then((m) => m.ZLawEnforcementEntry),
    ),
    defaultValues: empty(),
  });
  const { errors } = form.formState;
  const { failure, onSubmit, pending } = useActionForm(form, recordDisclosure, {
    saved: "lawEnforcement.form.saved",
    onSuccess: () => form.reset(empty()),
  });

  return (
    <form onSubmit={onSubmit} noValidate className="panel" aria-labelledby="le-form-title">
      <h2 id="le-form-title">{t("lawEnforcement.form.title")}</h2>
      <ChoiceGroup
        id="le-basis"
        legend={t("lawEnforcement.form.basis")}
        error={errors.basis?.message}
      >
        {LE_BASES.map((basis) => (
          <Choice
            key={basis}
            type="radio"
            value={basis}
            label={t(`lawEnforcement.basis.${basis}`)}
            registration={form.register("basis")}
          />
        ))}
      </ChoiceGroup>
      <TextField
        id="le-authority"
        label={t("lawEnforcement.form.authority")}
        error={errors.authority?.message}
        registration={form.register("authority")}
      />
      <TextField
        id="le-issuingOfficer"
        label={t("lawEnforcement.form.issuingOfficer")}
        error={errors.issuingOfficer?.message}
        registration={form.register("issuingOfficer")}
      />
      <TextAreaField
        id="le-scope"
        label={t("lawEnforcement.form.scope")}
        error={errors.scope?.message}
        registration={form.register("scope")}
      />
      <ChoiceGroup
        id="le-decision"
        legend={t("lawEnforcement.form.decision")}
        error={errors.decision?.message}
      >
        {LE_DECISIONS.map((decision) => (
          <Choice
            key={decision}
            type="radio"
            value={decision}
            label={t(`lawEnforcement.decision.${decision}`)}
            registration={form.register("decision")}
          />
        ))}
      </ChoiceGroup>
      <SelectField
        id="le-approverId"
        label={t("lawEnforcement.form.approver")}
        hint={props.approvers.length === 0 ? t("lawEnforcement.form.noApprover") : undefined}
        error={errors.approverId?.message}
        registration={form.register("approverId")}
      >
        <option value="">{t("lawEnforcement.form.chooseApprover")}</option>
        {props.approvers.map((a) => (
          <option key={a.id} value={a.id}>
            {a.label}
          </option>
        ))}
      </SelectField>
      <ChoiceGroup
        id="le-items"
        legend={t("lawEnforcement.form.items")}
        hint={t("lawEnforcement.form.itemsHelp")}
        error={errors.items?.message}
      >
        {props.categories.map((c) => (
          <Choice
            key={c.key}
            type="checkbox"
            value={c.key}
            label={c.name}
            registration={form.register("items")}
          />
        ))}
      </ChoiceGroup>
      <TextField
        id="le-subjectEmail"
        type="email"
        autoComplete="off"
        label={t("lawEnforcement.form.subjectEmail")}
        hint={t("lawEnforcement.form.subjectEmailHelp")}
        error={errors.subjectEmail?.message}
        registration={form.register("subjectEmail")}
      />
      <TextField
        id="le-disclosedOn"
        type="date"
        max={todayInJapan()}
        label={t("lawEnforcement.form.disclosedOn")}
        error={errors.disclosedOn?.message}
        registration={form.register("disclosedOn")}
      />
      <TextAreaField
        id="le-note"
        rows={2}
        label={t("lawEnforcement.form.note")}
        error={errors.note?.message}
        registration={form.register("note")}
      />
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={pending}>{t("lawEnforcement.form.submit")}</SubmitButton>
    </form>
  );
}
