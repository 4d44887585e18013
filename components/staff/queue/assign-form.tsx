"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { SelectField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useI18n } from "@/components/i18n/i18n-provider";
import { toast } from "@/components/ui/toast";
import { claimRequest } from "@/lib/actions/staff/claim-request";
import { reassignRequest } from "@/lib/actions/staff/reassign-request";
import type { MessageKey } from "@/lib/i18n/translate";

/** Claim (while nobody has the request) and reassign to any staff member (explicit). */
export function AssignForm(props: {
  reference: string;
  assigneeId: string | null;
  actorId: string;
  assignees: { id: string; label: string }[];
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [target, setTarget] = useState(props.assigneeId ?? "");
  const [failure, setFailure] = useState<{ error: MessageKey; errorId?: string }>();
  const [fieldError, setFieldError] = useState<MessageKey>();
  const run = (action: () => ReturnType<typeof claimRequest>) =>
    startTransition(async () => {
      setFailure(undefined);
      setFieldError(undefined);
      const result = await action();
      if (result.ok) {
        toast(t("queue.assign.done"));
        return router.refresh();
      }
      setFieldError(result.fieldErrors?.assigneeId);
      setFailure({ error: result.error, errorId: result.errorId });
    });
  const claim = () => run(() => claimRequest({ reference: props.reference }));
  const reassign = () =>
    run(() =>
      reassignRequest({
        reference: props.reference,
        assigneeId: target,
        expectedAssigneeId: props.assigneeId ?? "",
      }),
    );
  return (
    <>
      {props.assigneeId === null && (
        <p>
          <button type="button" onClick={claim} disabled={pending}>
            {t("queue.claim.button")}
          </button>
        </p>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          reassign();
        }}
      >
        <SelectField
          id="assign-to"
          label={t("queue.assign.to")}
          error={fieldError}
          value={target}
          onChange={(e) => setTarget(e.target.value)}
        >
          <option value="">—</option>
          {props.assignees.map((a) => (
            <option key={a.id} value={a.id}>
              {a.id === props.actorId ? `${a.label} — ${t("queue.assign.you")}` : a.label}
            </option>
          ))}
        </SelectField>
        <SubmitButton pending={pending}>{t("queue.assign.submit")}</SubmitButton>
      </form>
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
    </>
  );
}
