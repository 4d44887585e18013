"use client";

import { useForm } from "react-hook-form";
import type { z } from "zod";

import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { addStaff } from "@/lib/actions/manager/policies/add-staff";
import { STAFF_ROLE_CHOICES } from "@/lib/validation/choices";
import type { ZStaffAdd, TStaffAdd } from "@/lib/validation/policies-config";

import { useActionForm } from "@/components/forms/use-action-form";

type Input = z.input<typeof ZStaffAdd>;
const FIELDS = ["email", "name", "role"] as const;
const empty = (): Input => ({ email: "", name: "", role: "" as Input["role"] });

/** Adds a staff account by email, name and role. */
export function StaffAddForm() {
  const { t } = useI18n();
  const form = useForm<Input, unknown, TStaffAdd>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/policies-config").then((m) => m.ZStaffAdd),
    ),
    defaultValues: empty(),
  });
  const { errors } = form.formState;
  const { state, onSubmit } = useActionForm(form, FIELDS, async (values) => {
    const result = await addStaff(values);
    if (result.ok) form.reset(empty());
    return result;
  });
  const describe = (field: (typeof FIELDS)[number]) =>
    ["staff-add-help", errors[field] ? `staff-add-${field}-error` : undefined]
      .filter(Boolean)
      .join(" ");

  return (
    <form onSubmit={onSubmit} noValidate className="panel" aria-labelledby="staff-add-title">
      <h2 id="staff-add-title">{t("settingsPolicies.staff.addTitle")}</h2>
      <p id="staff-add-help" className="help">
        {t("settingsPolicies.staff.addHelp")}
      </p>
      <div className="field">
        <label htmlFor="staff-add-email">{t("settingsPolicies.staff.email")}</label>
        <input
          id="staff-add-email"
          type="email"
          autoComplete="off"
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={describe("email")}
          {...form.register("email")}
        />
        <FieldError id="staff-add-email-error" message={errors.email?.message} />
      </div>
      <div className="field">
        <label htmlFor="staff-add-name">{t("settingsPolicies.staff.name")}</label>
        <input
          id="staff-add-name"
          type="text"
          autoComplete="off"
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={describe("name")}
          {...form.register("name")}
        />
        <FieldError id="staff-add-name-error" message={errors.name?.message} />
      </div>
      <div className="field">
        <label htmlFor="staff-add-role">{t("settingsPolicies.staff.role")}</label>
        <select
          id="staff-add-role"
          aria-invalid={errors.role ? true : undefined}
          aria-describedby={describe("role")}
          {...form.register("role")}
        >
          <option value="">{t("settingsPolicies.staff.chooseRole")}</option>
          {STAFF_ROLE_CHOICES.map((role) => (
            <option key={role} value={role}>
              {t(`settingsPolicies.staff.roles.${role}`)}
            </option>
          ))}
        </select>
        <FieldError id="staff-add-role-error" message={errors.role?.message} />
      </div>
      <div aria-live="polite">
        {state.saved && <p className="success">{t("settingsPolicies.staff.added")}</p>}
      </div>
      <FormAlert error={state.error} errorId={state.errorId} />
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t("settingsPolicies.staff.add")}
      </button>
    </form>
  );
}
