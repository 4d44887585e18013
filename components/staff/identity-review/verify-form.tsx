"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { verifyIdentity } from "@/lib/actions/staff/verify-identity";
import type { MessageKey } from "@/lib/i18n/translate";
import { IDENTITY_CHECKS } from "@/lib/validation/choices";
import type { TVerifyIdentityReview } from "@/lib/validation/identity-review";

/**
 * Verified, with the checklists ticked: the person's ID always; for an agent's request also the
 * agent's own ID and the proof of authority (the server applies the same rule from the request).
 */
export function VerifyForm({ reference, agent }: { reference: string; agent: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const [failure, setFailure] = useState<{ error: MessageKey; errorId?: string }>();
  const form = useForm<TVerifyIdentityReview>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/identity-review").then((m) => m.ZVerifyIdentityReview),
    ),
    defaultValues: {
      reference,
      note: "",
      agent,
      checks: { subject: false, agent: false, authority: false },
    },
  });
  const { errors, isSubmitting } = form.formState;
  const checks = agent ? IDENTITY_CHECKS : (["subject"] as const);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await verifyIdentity(values);
    if (result.ok) return router.refresh();
    // The server's own check of the checklists (from the request itself) lands on the boxes.
    for (const check of IDENTITY_CHECKS) {
      const message = result.fieldErrors?.[`checks.${check}`];
      if (message) form.setError(`checks.${check}`, { message });
    }
    setFailure({ error: result.error, errorId: result.errorId });
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="verify-title">
      <h3 id="verify-title">{t("review.verify.title")}</h3>
      <fieldset className="field">
        <legend>{t("review.checks.legend")}</legend>
        {agent && <p className="help">{t("review.checks.agentHelp")}</p>}
        {checks.map((check) => (
          <div key={check}>
            <label className="choice">
              <input
                type="checkbox"
                {...form.register(`checks.${check}`)}
                aria-describedby={errors.checks?.[check] ? `verify-${check}-error` : undefined}
              />
              {t(`review.checks.${check}`)}
            </label>
            <FieldError id={`verify-${check}-error`} message={errors.checks?.[check]?.message} />
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="verify-note">{t("review.verify.note")}</label>
        <textarea
          id="verify-note"
          rows={2}
          {...form.register("note")}
          aria-describedby={errors.note ? "verify-note-error" : undefined}
        />
        <FieldError id="verify-note-error" message={errors.note?.message} />
      </div>
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
      <button type="submit" disabled={isSubmitting}>
        {t("review.verify.submit")}
      </button>
    </form>
  );
}
