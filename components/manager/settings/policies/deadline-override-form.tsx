"use client";

import { useForm, type Resolver } from "react-hook-form";

import { REQUEST_TYPES } from "@/lib/requests/vocabulary";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { addDeadlineOverride } from "@/lib/actions/manager/policies/add-deadline-override";
import { JURISDICTIONS } from "@/lib/validation/choices";

import { PolicyFields, type PolicyFormInput, type PolicyFormOutput } from "./policy-fields";
import { useActionForm } from "@/components/forms/use-action-form";

const FIELDS = [
  "jurisdiction",
  "requestType",
  "amount",
  "unit",
  "extensionAmount",
  "extensionUnit",
  "ackAmount",
  "ackUnit",
  "pauseAllowed",
  "noteJa",
  "noteEn",
] as const;

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

/** Adds a jurisdiction's rule for one request type. */
export function DeadlineOverrideForm() {
  const { t } = useI18n();
  const form = useForm<PolicyFormInput, unknown, PolicyFormOutput>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/policies-config").then((m) => m.ZDeadlineOverrideCreate),
    ) as unknown as Resolver<PolicyFormInput, unknown, PolicyFormOutput>,
    defaultValues: empty(),
  });
  const { errors } = form.formState;
  const { state, onSubmit } = useActionForm(form, FIELDS, async (values) => {
    const result = await addDeadlineOverride(values);
    if (result.ok) form.reset(empty());
    return result;
  });
  const select = (field: "jurisdiction" | "requestType") => ({
    id: `dp-new-${field}`,
    "aria-invalid": errors[field] ? true : undefined,
    "aria-describedby": errors[field] ? `dp-new-${field}-error` : undefined,
    ...form.register(field),
  });

  return (
    <form onSubmit={onSubmit} noValidate className="panel" aria-labelledby="dp-new-title">
      <h2 id="dp-new-title">{t("settingsPolicies.deadlines.addTitle")}</h2>
      <p>{t("settingsPolicies.deadlines.addHelp")}</p>
      <div className="row">
        <div className="field">
          <label htmlFor="dp-new-jurisdiction">
            {t("settingsPolicies.deadlines.jurisdictionLabel")}
          </label>
          <select {...select("jurisdiction")}>
            <option value="">{t("settingsPolicies.deadlines.chooseJurisdiction")}</option>
            {JURISDICTIONS.map((j) => (
              <option key={j} value={j}>
                {t(`settingsPolicies.jurisdiction.${j}`)}
              </option>
            ))}
          </select>
          <FieldError id="dp-new-jurisdiction-error" message={errors.jurisdiction?.message} />
        </div>
        <div className="field">
          <label htmlFor="dp-new-requestType">{t("settingsPolicies.deadlines.typeLabel")}</label>
          <select {...select("requestType")}>
            <option value="">{t("settingsPolicies.deadlines.chooseType")}</option>
            {REQUEST_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`requestType.${type}`)}
              </option>
            ))}
          </select>
          <FieldError id="dp-new-requestType-error" message={errors.requestType?.message} />
        </div>
      </div>
      <PolicyFields form={form} prefix="dp-new" />
      <div aria-live="polite">
        {state.saved && <p className="success">{t("settingsPolicies.deadlines.added")}</p>}
      </div>
      <FormAlert error={state.error} errorId={state.errorId} />
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t("settingsPolicies.deadlines.add")}
      </button>
    </form>
  );
}
