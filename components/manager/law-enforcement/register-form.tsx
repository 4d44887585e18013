"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { recordDisclosure } from "@/lib/actions/manager/record-disclosure";
import type { MessageKey } from "@/lib/i18n/translate";
import { LE_BASES, LE_DECISIONS, todayInJapan } from "@/lib/validation/choices";
import type { TLawEnforcementEntry } from "@/lib/validation/law-enforcement";

type Field = keyof TLawEnforcementEntry;
const FIELDS: readonly Field[] = [
  "basis",
  "authority",
  "issuingOfficer",
  "scope",
  "decision",
  "approverId",
  "items",
  "subjectEmail",
  "disclosedOn",
  "note",
];

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

/** Records one law-enforcement request; the same zod schema runs here and in the action. */
export function RegisterForm(props: {
  approvers: { id: string; label: string }[];
  categories: { key: string; name: string }[];
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [state, setState] = useState<{ saved?: boolean; error?: MessageKey; errorId?: string }>({});
  const form = useForm<TLawEnforcementEntry>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/law-enforcement").then((m) => m.ZLawEnforcementEntry),
    ),
    defaultValues: empty(),
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setState({});
    const result = await recordDisclosure(values);
    if (result.ok) {
      form.reset(empty());
      setState({ saved: true });
      return router.refresh();
    }
    for (const field of FIELDS) {
      const message = result.fieldErrors?.[field];
      if (message) form.setError(field, { message });
    }
    setState({ error: result.error, errorId: result.errorId });
  });

  const describe = (field: Field, help?: string) =>
    [help, errors[field] ? `le-${field}-error` : undefined].filter(Boolean).join(" ") || undefined;
  const invalid = (field: Field) => (errors[field] ? true : undefined);

  return (
    <form onSubmit={onSubmit} noValidate className="panel" aria-labelledby="le-form-title">
      <h2 id="le-form-title">{t("lawEnforcement.form.title")}</h2>
      <fieldset className="field" aria-describedby={describe("basis")}>
        <legend>{t("lawEnforcement.form.basis")}</legend>
        {LE_BASES.map((basis) => (
          <label key={basis} className="choice">
            <input type="radio" value={basis} {...form.register("basis")} />
            {t(`lawEnforcement.basis.${basis}`)}
          </label>
        ))}
        <FieldError id="le-basis-error" message={errors.basis?.message} />
      </fieldset>
      <div className="field">
        <label htmlFor="le-authority">{t("lawEnforcement.form.authority")}</label>
        <input
          id="le-authority"
          type="text"
          aria-invalid={invalid("authority")}
          aria-describedby={describe("authority")}
          {...form.register("authority")}
        />
        <FieldError id="le-authority-error" message={errors.authority?.message} />
      </div>
      <div className="field">
        <label htmlFor="le-issuingOfficer">{t("lawEnforcement.form.issuingOfficer")}</label>
        <input
          id="le-issuingOfficer"
          type="text"
          aria-invalid={invalid("issuingOfficer")}
          aria-describedby={describe("issuingOfficer")}
          {...form.register("issuingOfficer")}
        />
        <FieldError id="le-issuingOfficer-error" message={errors.issuingOfficer?.message} />
      </div>
      <div className="field">
        <label htmlFor="le-scope">{t("lawEnforcement.form.scope")}</label>
        <textarea
          id="le-scope"
          rows={3}
          aria-invalid={invalid("scope")}
          aria-describedby={describe("scope")}
          {...form.register("scope")}
        />
        <FieldError id="le-scope-error" message={errors.scope?.message} />
      </div>
      <fieldset className="field" aria-describedby={describe("decision")}>
        <legend>{t("lawEnforcement.form.decision")}</legend>
        {LE_DECISIONS.map((decision) => (
          <label key={decision} className="choice">
            <input type="radio" value={decision} {...form.register("decision")} />
            {t(`lawEnforcement.decision.${decision}`)}
          </label>
        ))}
        <FieldError id="le-decision-error" message={errors.decision?.message} />
      </fieldset>
      <div className="field">
        <label htmlFor="le-approverId">{t("lawEnforcement.form.approver")}</label>
        <select
          id="le-approverId"
          aria-invalid={invalid("approverId")}
          aria-describedby={describe("approverId")}
          {...form.register("approverId")}
        >
          <option value="">{t("lawEnforcement.form.chooseApprover")}</option>
          {props.approvers.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
        {props.approvers.length === 0 && (
          <p className="help">{t("lawEnforcement.form.noApprover")}</p>
        )}
        <FieldError id="le-approverId-error" message={errors.approverId?.message} />
      </div>
      <fieldset className="field" aria-describedby={describe("items", "le-items-help")}>
        <legend>{t("lawEnforcement.form.items")}</legend>
        <p id="le-items-help" className="help">
          {t("lawEnforcement.form.itemsHelp")}
        </p>
        {props.categories.map((c) => (
          <label key={c.key} className="choice">
            <input type="checkbox" value={c.key} {...form.register("items")} />
            {c.name}
          </label>
        ))}
        <FieldError id="le-items-error" message={errors.items?.message} />
      </fieldset>
      <div className="field">
        <label htmlFor="le-subjectEmail">{t("lawEnforcement.form.subjectEmail")}</label>
        <p id="le-subjectEmail-help" className="help">
          {t("lawEnforcement.form.subjectEmailHelp")}
        </p>
        <input
          id="le-subjectEmail"
          type="email"
          autoComplete="off"
          aria-invalid={invalid("subjectEmail")}
          aria-describedby={describe("subjectEmail", "le-subjectEmail-help")}
          {...form.register("subjectEmail")}
        />
        <FieldError id="le-subjectEmail-error" message={errors.subjectEmail?.message} />
      </div>
      <div className="field">
        <label htmlFor="le-disclosedOn">{t("lawEnforcement.form.disclosedOn")}</label>
        <input
          id="le-disclosedOn"
          type="date"
          max={todayInJapan()}
          aria-invalid={invalid("disclosedOn")}
          aria-describedby={describe("disclosedOn")}
          {...form.register("disclosedOn")}
        />
        <FieldError id="le-disclosedOn-error" message={errors.disclosedOn?.message} />
      </div>
      <div className="field">
        <label htmlFor="le-note">{t("lawEnforcement.form.note")}</label>
        <textarea
          id="le-note"
          rows={2}
          aria-invalid={invalid("note")}
          aria-describedby={describe("note")}
          {...form.register("note")}
        />
        <FieldError id="le-note-error" message={errors.note?.message} />
      </div>
      <div aria-live="polite">
        {state.saved && <p className="success">{t("lawEnforcement.form.saved")}</p>}
      </div>
      <FormAlert error={state.error} errorId={state.errorId} />
      <button type="submit" disabled={isSubmitting}>
        {t("lawEnforcement.form.submit")}
      </button>
    </form>
  );
}
