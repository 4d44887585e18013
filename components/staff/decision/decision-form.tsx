"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";

import { FieldError } from "@/components/forms/field-error";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { askApproval } from "@/lib/actions/staff/ask-approval";
import { completeRequest } from "@/lib/actions/staff/complete-request";
import type { Jurisdiction, RefusalGround, RequestType } from "@/lib/generated/prisma/enums";
import type { MessageKey } from "@/lib/i18n/translate";
import { needsApproval, needsGrounds, outcomeFits } from "@/lib/requests/lifecycle";
import { DECISION_OUTCOMES } from "@/lib/validation/choices";
import type { TDecision } from "@/lib/validation/decisions";

export interface OpenTasks {
  pending: number;
  running: number;
  failed: number;
  total: number;
}

/**
 * The outcome of a verified request: fulfilled, partly fulfilled or refused; refusals name their
 * legal grounds. Outcomes that need a second person are sent for approval instead of completing.
 */
export function DecisionForm(props: {
  reference: string;
  type: RequestType;
  jurisdictions: Jurisdiction[];
  erasure: boolean;
  grounds: RefusalGround[];
  /** The law lets a reasonable fee replace refusing a manifestly unfounded request. */
  feeAlternative: boolean;
  openTasks: OpenTasks;
}) {
  const { reference, type, jurisdictions, erasure, grounds, feeAlternative, openTasks } = props;
  const { t } = useI18n();
  const router = useRouter();
  const [failure, setFailure] = useState<{ error: MessageKey; errorId?: string }>();
  const resolver = useMemo(
    () =>
      lazyResolver(() =>
        import("@/lib/validation/decisions").then((m) => m.ZDecisionFor(type, jurisdictions)),
      ),
    [type, jurisdictions],
  );
  const form = useForm<TDecision>({
    resolver,
    defaultValues: { reference, outcome: "FULFILLED", grounds: [], note: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const outcome = form.watch("outcome");
  const approval = needsApproval({ type, outcome, erasure });

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(undefined);
    // REFUSED always needs approval; naming it lets the type checker see what completes directly.
    const result =
      approval || values.outcome === "REFUSED"
        ? await askApproval(values)
        : await completeRequest({ reference, outcome: values.outcome, note: values.note });
    if (result.ok) return router.refresh();
    for (const [field, message] of Object.entries(result.fieldErrors ?? {}))
      if (field === "grounds" || field === "note" || field === "outcome")
        form.setError(field, { message });
    setFailure({ error: result.error, errorId: result.errorId });
    // The counts of open tasks beside the form come from the server.
    if (result.error === "decisions.errors.tasksOpen") router.refresh();
  });

  const groundsError = errors.grounds?.message ?? errors.grounds?.root?.message;
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="decision-title">
      <fieldset
        className="field"
        aria-describedby={errors.outcome ? "decision-outcome-error" : undefined}
      >
        <legend>{t("decisions.outcome")}</legend>
        <p className="help">{t("decisions.outcomeHelp")}</p>
        {DECISION_OUTCOMES.filter((o) => outcomeFits(type, o)).map((o) => (
          <label className="choice" key={o}>
            <input
              type="radio"
              value={o}
              {...form.register("outcome", {
                onChange: (e: { target: { value: TDecision["outcome"] } }) => {
                  if (!needsGrounds(e.target.value)) form.setValue("grounds", []);
                },
              })}
            />{" "}
            {t(`outcome.${o}`)}
          </label>
        ))}
        <FieldError id="decision-outcome-error" message={errors.outcome?.message} />
      </fieldset>
      {(outcome === "NO_DATA_HELD" || outcome === "DISCLOSED_OTHER_METHOD") && (
        <p className="help" data-testid="outcome-hint">
          {t(`decisions.outcomeHints.${outcome}`)}
        </p>
      )}
      {needsGrounds(outcome) && (
        <fieldset
          className="field"
          aria-describedby={
            groundsError ? "decision-grounds-help decision-grounds-error" : "decision-grounds-help"
          }
        >
          <legend>{t("decisions.grounds")}</legend>
          <p className="help" id="decision-grounds-help">
            {t("decisions.groundsHelp")}
          </p>
          {grounds.map((g) => (
            <label className="choice" key={g}>
              <input type="checkbox" value={g} {...form.register("grounds")} />{" "}
              {t(`decisions.groundLabels.${g}`)}
            </label>
          ))}
          {feeAlternative && grounds.includes("MANIFESTLY_UNFOUNDED") && (
            <p className="help" data-testid="fee-alternative">
              {t("decisions.feeAlternative")}
            </p>
          )}
          <FieldError id="decision-grounds-error" message={groundsError} />
        </fieldset>
      )}
      <div className="field">
        <label htmlFor="decision-note">{t("decisions.note")}</label>
        <p className="help" id="decision-note-help">
          {t("decisions.noteHelp")}
        </p>
        <textarea
          id="decision-note"
          rows={4}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={
            errors.note ? "decision-note-help decision-note-error" : "decision-note-help"
          }
          {...form.register("note")}
        />
        <FieldError id="decision-note-error" message={errors.note?.message} />
      </div>
      {approval && <p className="notice">{t("decisions.approvalNeeded")}</p>}
      {failure?.error === "decisions.errors.tasksOpen" ? (
        <div aria-live="polite">
          <p className="alert" role="alert" data-testid="open-tasks-error">
            {t("decisions.errors.tasksOpen")}{" "}
            {openTasks.total > 0 &&
              t("decisions.openTasks", { ...openTasks, count: openTasks.total })}
          </p>
        </div>
      ) : (
        <FormAlert error={failure?.error} errorId={failure?.errorId} />
      )}
      <button type="submit" disabled={isSubmitting}>
        {approval ? t("decisions.submitAskApproval") : t("decisions.submitComplete")}
      </button>
    </form>
  );
}
