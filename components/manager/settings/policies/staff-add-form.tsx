"use client";

import type { z } from "zod";

import { useForm } from "@/components/forms/use-form";
import { SelectField, TextField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { addStaff } from "@/lib/actions/manager/policies/add-staff";
import { STAFF_ROLE_CHOICES } from "@/lib/validation/choices";
import type { ZStaffAdd, TStaffAdd } from "@/lib/validation/policies-config";

type Input = z.input<typeof ZStaffAdd>;
const empty = (): Input => ({ email: "", name: "", role: "" as Input["role"] });

/** Adds a staff account by email, name and role; the form is emptied once it is added. */
export function StaffAddForm() {
  const { t } = useI18n();
  const form = useForm<Input, unknown, TStaffAdd>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/policies-config").then((m) => m.ZStaffAdd),
    ),
    defaultValues: empty(),
  });
  const { errors } = form.formState;
  const { failure, onSubmit, pending } = useActionForm(form, addStaff, {
    saved: "settingsPolicies.staff.added",
    onSuccess: () => form.reset(empty()),
  });

  return (
    <form onSubmit={onSubmit} noValidate className="panel" aria-labelledby="staff-add-title">
      <h2 id="staff-add-title">{t("settingsPolicies.staff.addTitle")}</h2>
      <p id="staff-add-help" className="help">
        {t("settingsPolicies.staff.addHelp")}
      </p>
      <TextField
        id="staff-add-email"
        type="email"
        autoComplete="off"
        label={t("settingsPolicies.staff.email")}
        describedBy="staff-add-help"
        error={errors.email?.message}
        registration={form.register("email")}
      />
      <TextField
        id="staff-add-name"
        autoComplete="off"
        label={t("settingsPolicies.staff.name")}
        describedBy="staff-add-help"
        error={errors.name?.message}
        registration={form.register("name")}
      />
      <SelectField
        id="staff-add-role"
        label={t("settingsPolicies.staff.role")}
        describedBy="staff-add-help"
        error={errors.role?.message}
        registration={form.register("role")}
      >
        <option value="">{t("settingsPolicies.staff.chooseRole")}</option>
        {STAFF_ROLE_CHOICES.map((role) => (
          <option key={role} value={role}>
            {t(`settingsPolicies.staff.roles.${role}`)}
          </option>
        ))}
      </SelectField>
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={pending}>{t("settingsPolicies.staff.add")}</SubmitButton>
    </form>
  );
}
