"use client";

import { useRouter } from "next/navigation";
import { useMemo } from "react";

import { useForm } from "@/components/forms/use-form";
import { Choice, ChoiceGroup, TextAreaField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { askApproval } from "@/lib/actions/staff/ask-approval";
import { completeRequest } from "@/lib/actions/staff/complete-request";
import type { Jurisdiction, RefusalGround, RequestType } from "@/lib/generated/prisma/enums";
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
  const { errors } = form.formState;
  const outcome = form.watch("outcome");
  const approval = needsApproval({ type, outcome, erasure });

  const { failure, onSubmit, pending } = useActionForm(
    form,
    // REFUSED always needs approval; naming it lets the type checker see what completes directly.
    async (values: TDecision) =>
      approval || values.outcome === "REFUSED"
        ? await askApproval(values)
        : await completeRequest({ reference, outcome: values.outcome, note: values.note }),
    {
      fields: ["grounds", "note", "outcome"],
      // The counts of open tasks beside the form come from the server.
      onFailure: (result) => {
        if (result.error === "decisions.errors.tasksOpen") router.refresh();
      },
    },
  );

  const groundsError = errors.grounds?.message ?? errors.grounds?.root?.message;
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="decision-title">
      <ChoiceGroup
        id="decision-outcome"
        legend={t("decisions.outcome")}
        hint={t("decisions.outcomeHelp")}
        error={errors.outcome?.message}
      >
        {DECISION_OUTCOMES.filter((o) => outcomeFits(type, o)).map((o) => (
          <Choice
            key={o}
            type="radio"
            value={o}
            label={t(`outcome.${o}`)}
            registration={form.register("outcome", {
              onChange: (e: { target: { value: TDecision["outcome"] } }) => {
                if (!needsGrounds(e.target.value)) form.setValue("grounds", []);
              },
            })}
          />
        ))}
      </ChoiceGroup>
      {(outcome === "NO_DATA_HELD" || outcome === "DISCLOSED_OTHER_METHOD") && (
        <p className="help" data-testid="outcome-hint">
          {t(`decisions.outcomeHints.${outcome}`)}
        </p>
      )}
      {needsGrounds(outcome) && (
        <ChoiceGroup
          id="decision-grounds"
          legend={t("decisions.grounds")}
          hint={t("decisions.groundsHelp")}
          error={groundsError}
        >
          {grounds.map((g) => (
            <Choice
              key={g}
              type="checkbox"
              value={g}
              label={t(`decisions.groundLabels.${g}`)}
              registration={form.register("grounds")}
            />
          ))}
          {feeAlternative && grounds.includes("MANIFESTLY_UNFOUNDED") && (
            <p className="help" data-testid="fee-alternative">
              {t("decisions.feeAlternative")}
            </p>
          )}
        </ChoiceGroup>
      )}
      <TextAreaField
        id="decision-note"
        label={t("decisions.note")}
        hint={t("decisions.noteHelp")}
        rows={4}
        error={errors.note?.message}
        registration={form.register("note")}
      />
      {approval && <p className="notice">{t("decisions.approvalNeeded")}</p>}
      {failure.error === "decisions.errors.tasksOpen" ? (
        <div aria-live="polite">
          <p className="alert" role="alert" data-testid="open-tasks-error">
            {t("decisions.errors.tasksOpen")}{" "}
            {openTasks.total > 0 &&
              t("decisions.openTasks", { ...openTasks, count: openTasks.total })}
          </p>
        </div>
      ) : (
        <FormAlert error={failure.error} errorId={failure.errorId} />
      )}
      <SubmitButton pending={pending}>
        {approval ? t("decisions.submitAskApproval") : t("decisions.submitComplete")}
      </SubmitButton>
    </form>
  );
}
