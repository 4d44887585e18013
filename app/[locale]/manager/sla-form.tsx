"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { setJpSla } from "@/lib/actions/manager/set-jp-sla";
import type { MessageKey } from "@/lib/i18n/translate";
import type { ZJpSla } from "@/lib/validation/common";

type Input = z.input<typeof ZJpSla>;
type Output = z.output<typeof ZJpSla>;

export function SlaForm({ days }: { days: number }) {
  const { t } = useI18n();
  const router = useRouter();
  const [state, setState] = useState<{ saved?: boolean; error?: MessageKey; errorId?: string }>({});
  const form = useForm<Input, unknown, Output>({
    resolver: lazyResolver(() => import("@/lib/validation/common").then((m) => m.ZJpSla)),
    defaultValues: { days },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await setJpSla(values);
    if (result.ok) {
      setState({ saved: true });
      return router.refresh();
    }
    if (result.fieldErrors?.days) form.setError("days", { message: result.fieldErrors.days });
    setState({ error: result.error, errorId: result.errorId });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="panel" aria-labelledby="sla-title">
      <h2 id="sla-title">{t("manager.slaTitle")}</h2>
      <p id="sla-help">{t("manager.slaHelp")}</p>
      <div className="field">
        <label htmlFor="sla-days">{t("manager.slaDays")}</label>
        <input
          id="sla-days"
          type="number"
          min={1}
          max={14}
          aria-invalid={errors.days ? true : undefined}
          aria-describedby={errors.days ? "sla-help sla-days-error" : "sla-help"}
          {...form.register("days")}
        />
        <FieldError id="sla-days-error" message={errors.days?.message} />
      </div>
      <div aria-live="polite">{state.saved && <p className="success">{t("manager.saved")}</p>}</div>
      <FormAlert error={state.error} errorId={state.errorId} />
      <button type="submit" disabled={isSubmitting}>
        {t("manager.slaSubmit")}
      </button>
    </form>
  );
}
