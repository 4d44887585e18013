"use client";

import type { z } from "zod";

import { useForm } from "@/components/forms/use-form";
import { TextField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { setJpSla } from "@/lib/actions/manager/set-jp-sla";
import type { ZJpSla } from "@/lib/validation/common";

type Input = z.input<typeof ZJpSla>;
type Output = z.output<typeof ZJpSla>;

/**
 * The JP internal deadline's form, loaded when the manager asks to change it (sla-setting.tsx):
 * react-hook-form stays off the dashboard's first load.
 */
export function SlaForm({ days }: { days: number }) {
  const { t } = useI18n();
  const form = useForm<Input, unknown, Output>({
    resolver: lazyResolver(() => import("@/lib/validation/common").then((m) => m.ZJpSla)),
    defaultValues: { days },
  });
  const { errors } = form.formState;
  const { failure, onSubmit, pending } = useActionForm(form, setJpSla, {
    saved: "manager.saved",
    fields: ["days"],
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="sla-title">
      <TextField
        id="sla-days"
        label={t("manager.slaDays")}
        type="number"
        min={1}
        max={14}
        error={errors.days?.message}
        describedBy="sla-help"
        // Opened by the manager's "change": the field they asked for takes the focus.
        autoFocus
        registration={form.register("days")}
      />
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={pending}>{t("manager.slaSubmit")}</SubmitButton>
    </form>
  );
}
