"use client";

import { useForm } from "@/components/forms/use-form";
import { TextAreaField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { decideApproval } from "@/lib/actions/staff/decide-approval";
import type { TDecideApproval } from "@/lib/validation/decisions";

/**
 * The second person's decision: approve the proposal, or send it back with a reason. Each button
 * sets the decision and submits; the form itself is never submitted by Enter.
 */
export function ApprovalDecisionForm({
  reference,
  approvalId,
}: {
  reference: string;
  approvalId: string;
}) {
  const { t } = useI18n();
  const form = useForm<TDecideApproval>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/decisions").then((m) => m.ZDecideApproval),
    ),
    defaultValues: { reference, approvalId, decision: "APPROVED", note: "" },
  });
  const { errors } = form.formState;
  const { failure, onSubmit, pending } = useActionForm(form, decideApproval, {
    fields: ["note"],
  });

  const submit = (decision: TDecideApproval["decision"]) => {
    form.setValue("decision", decision);
    return onSubmit();
  };

  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate aria-labelledby="approval-title">
      <TextAreaField
        id="approval-note"
        label={t("decisions.decideNote")}
        error={errors.note?.message}
        registration={form.register("note")}
      />
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <div className="row">
        <button type="button" disabled={pending} onClick={() => void submit("APPROVED")}>
          {t("decisions.approve")}
        </button>
        <button type="button" disabled={pending} onClick={() => void submit("REJECTED")}>
          {t("decisions.reject")}
        </button>
      </div>
    </form>
  );
}
