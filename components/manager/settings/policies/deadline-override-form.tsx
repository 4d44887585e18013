"use client";

import { type Resolver } from "react-hook-form";

import { useForm } from "@/components/forms/use-form";
import { SelectField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { addDeadlineOverride } from "@/lib/actions/manager/policies/add-deadline-override";
import { REQUEST_TYPES } from "@/lib/requests/vocabulary";
import { JURISDICTIONS } from "@/lib/validation/choices";

import { PolicyFields, type PolicyFormInput, type PolicyFormOutput } from "./policy-fields";

const empty = (): PolicyFormInput => ({
  jurisdiction: "" as PolicyFormInput["jurisdiction"],
  requestType: "" as PolicyFormInput["requestType"],
  amount: "",
  unit: "CALENDAR_DAYS",
  extensionAmount: "",
  extensionUnit: "",
  ackAmount: "",
  ackUnit: "",
  pauseAllowed: false,
  noteJa: "",
  noteEn: "",
});

/** Adds a jurisdiction's rule for one request type; the form is emptied once it is added. */
export function DeadlineOverrideForm() {
  const { t } = useI18n();
  const form = useForm<PolicyFormInput, unknown, PolicyFormOutput>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/policies-config").then((m) => m.ZDeadlineOverrideCreate),
    ) as unknown as Resolver<PolicyFormInput, unknown, PolicyFormOutput>,
    defaultValues: empty(),
  });
  const { errors } = form.formState;
  const { failure, onSubmit, pending } = useActionForm(form, addDeadlineOverride, {
    saved: "settingsPolicies.deadlines.added",
    onSuccess: () => form.reset(empty()),
  });

  return (
    <form onSubmit={onSubmit} noValidate className="panel" aria-labelledby="dp-new-title">
      <h2 id="dp-new-title">{t("settingsPolicies.deadlines.addTitle")}</h2>
      <p>{t("settingsPolicies.deadlines.addHelp")}</p>
      <div className="row">
        <SelectField
          id="dp-new-jurisdiction"
          label={t("settingsPolicies.deadlines.jurisdictionLabel")}
          error={errors.jurisdiction?.message}
          registration={form.register("jurisdiction")}
        >
          <option value="">{t("settingsPolicies.deadlines.chooseJurisdiction")}</option>
          {JURISDICTIONS.map((j) => (
            <option key={j} value={j}>
              {t(`settingsPolicies.jurisdiction.${j}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="dp-new-requestType"
          label={t("settingsPolicies.deadlines.typeLabel")}
          error={errors.requestType?.message}
          registration={form.register("requestType")}
        >
          <option value="">{t("settingsPolicies.deadlines.chooseType")}</option>
          {REQUEST_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`requestType.${type}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <PolicyFields form={form} prefix="dp-new" />
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={pending}>{t("settingsPolicies.deadlines.add")}</SubmitButton>
    </form>
  );
}
