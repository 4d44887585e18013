"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { decideApproval } from "@/lib/actions/staff/decide-approval";
import type { MessageKey } from "@/lib/i18n/translate";
import type { TDecideApproval } from "@/lib/validation/decisions";

/** The second person's decision: approve the proposal, or send it back with a reason. */
export function ApprovalDecisionForm({
  reference,
  approvalId,
}: {
  reference: string;
  approvalId: string;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [failure, setFailure] = useState<{ error: MessageKey; errorId?: string }>();
  const form = useForm<TDecideApproval>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/decisions").then((m) => m.ZDecideApproval),
    ),
    defaultValues: { reference, approvalId, decision: "APPROVED", note: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = (decision: TDecideApproval["decision"]) => {
    form.setValue("decision", decision);
    return form.handleSubmit(async (values) => {
      setFailure(undefined);
      const result = await decideApproval(values);
      if (result.ok) return router.refresh();
      const noteError = result.fieldErrors?.note;
      if (noteError) form.setError("note", { message: noteError });
      setFailure({ error: result.error, errorId: result.errorId });
    })();
  };

  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate aria-labelledby="approval-title">
      <div className="field">
        <label htmlFor="approval-note">{t("decisions.decideNote")}</label>
        <textarea
          id="approval-note"
          rows={3}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={errors.note ? "approval-note-error" : undefined}
          {...form.register("note")}
        />
        <FieldError id="approval-note-error" message={errors.note?.message} />
      </div>
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
      <div className="row">
        <button type="button" disabled={isSubmitting} onClick={() => submit("APPROVED")}>
          {t("decisions.approve")}
        </button>
        <button type="button" disabled={isSubmitting} onClick={() => submit("REJECTED")}>
          {t("decisions.reject")}
        </button>
      </div>
    </form>
  );
}
