"use client";

import { useForm } from "@/components/forms/use-form";
import { Choice, ChoiceGroup, TextAreaField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { verifyIdentity } from "@/lib/actions/staff/verify-identity";
import { IDENTITY_CHECKS } from "@/lib/validation/choices";
import type { TVerifyIdentityReview } from "@/lib/validation/identity-review";

/**
 * Verified, with the checklists ticked: the person's ID always; for an agent's request also the
 * agent's own ID and the proof of authority (the server applies the same rule from the request,
 * and its answer lands on the boxes).
 */
// A request filed over the Data Rights Protocol has no documents: the three checks are made on the
// agent's signed attestation instead (lib/drp), with their own wording.
export function VerifyForm({
  reference,
  agent,
  drp = false,
}: {
  reference: string;
  agent: boolean;
  drp?: boolean;
}) {
  const { t } = useI18n();
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
  const { errors } = form.formState;
  const { failure, onSubmit, pending } = useActionForm(form, verifyIdentity);
  const checks = agent ? IDENTITY_CHECKS : (["subject"] as const);

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="verify-title">
      <h3 id="verify-title">{t("review.verify.title")}</h3>
      <ChoiceGroup
        id="verify-checks"
        legend={t("review.checks.legend")}
        hint={drp ? t("review.checks.drp.help") : agent ? t("review.checks.agentHelp") : undefined}
      >
        {checks.map((check) => (
          <Choice
            key={check}
            id={`verify-${check}`}
            type="checkbox"
            label={t(drp ? `review.checks.drp.${check}` : `review.checks.${check}`)}
            error={errors.checks?.[check]?.message}
            registration={form.register(`checks.${check}`)}
          />
        ))}
      </ChoiceGroup>
      <TextAreaField
        id="verify-note"
        label={t("review.verify.note")}
        rows={2}
        error={errors.note?.message}
        registration={form.register("note")}
      />
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={pending}>{t("review.verify.submit")}</SubmitButton>
    </form>
  );
}
