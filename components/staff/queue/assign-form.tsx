"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
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
  const [done, setDone] = useState(false);
  const run = (action: () => ReturnType<typeof claimRequest>) =>
    startTransition(async () => {
      setFailure(undefined);
      setFieldError(undefined);
      setDone(false);
      const result = await action();
      if (result.ok) {
        setDone(true);
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
        <div className="field">
          <label htmlFor="assign-to">{t("queue.assign.to")}</label>
          <select
            id="assign-to"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            aria-describedby={fieldError ? "assign-to-error" : undefined}
          >
            <option value="">—</option>
            {props.assignees.map((a) => (
              <option key={a.id} value={a.id}>
                {a.id === props.actorId ? `${a.label} — ${t("queue.assign.you")}` : a.label}
              </option>
            ))}
          </select>
          {fieldError && (
            <p id="assign-to-error" className="error" role="alert">
              {t(fieldError)}
            </p>
          )}
        </div>
        <button type="submit" disabled={pending}>
          {t("queue.assign.submit")}
        </button>
      </form>
      <div aria-live="polite">{done && <p className="success">{t("queue.assign.done")}</p>}</div>
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
    </>
  );
}
