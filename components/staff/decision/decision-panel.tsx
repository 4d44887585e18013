import { can } from "@/lib/auth/permissions";
import { getDecisionState } from "@/lib/data/requests/get-decision-state";
import { getExtensionState } from "@/lib/data/requests/propose-extension";
import { formatDateTime } from "@/lib/i18n/format";
import { asksForErasure, isOpen } from "@/lib/requests/lifecycle";
import { FEE_ALTERNATIVE, groundsFor } from "@/lib/requests/refusal-grounds";

import type { StaffPanelProps } from "../panel-props";

import { ApprovalDecisionForm, DecisionForm } from "@/components/staff/deferred-forms";
import { ExtensionSection } from "./extension-section";
import { ProposalFacts } from "./proposal-facts";

/**
 * The outcome: complete, refuse with grounds, ask for and decide approvals. While the request
 * waits (for identity, an answer or a fee), only the deadline extension: the GDPR's and the
 * CCPA's periods run on meanwhile, and the notice must go inside them.
 */
export async function DecisionPanel(props: StaffPanelProps) {
  const { request, actor, locale, t } = props;
  if (request.status !== "IN_PROGRESS" && request.status !== "AWAITING_APPROVAL") {
    if (!isOpen(request.status) || !can(actor.role, "request:complete")) return null;
    const { extendable, closed, pending } = await getExtensionState({
      actor,
      reference: request.reference,
    });
    if (!pending && extendable.length === 0 && closed.length === 0) return null;
    return (
      <div className="panel" data-testid="extension-panel">
        <ExtensionSection {...props} />
      </div>
    );
  }
  const state = await getDecisionState({ actor, reference: request.reference });

  if (request.status === "IN_PROGRESS") {
    if (!can(actor.role, "request:complete")) return null;
    const { openTasks, lastRejection } = state;
    return (
      <section className="panel" aria-labelledby="decision-title" data-testid="decision-panel">
        <h2 id="decision-title">{t("decisions.panelTitle")}</h2>
        {lastRejection && (
          <div className="notice" data-testid="last-rejection">
            <p>
              <strong>{t("decisions.lastRejection")}</strong>
            </p>
            <dl className="facts">
              <dt>{t("decisions.rejectedBy")}</dt>
              <dd>{lastRejection.decidedBy ?? "—"}</dd>
              <dt>{t("decisions.rejectedAt")}</dt>
              <dd>
                {lastRejection.decidedAt ? formatDateTime(locale, lastRejection.decidedAt) : "—"}
              </dd>
              <dt>{t("decisions.rejectionNote")}</dt>
              <dd className="pre-line">{lastRejection.note}</dd>
            </dl>
          </div>
        )}
        {openTasks.total > 0 && (
          <p className="notice" data-testid="open-tasks">
            {t("decisions.openTasks", { ...openTasks, count: openTasks.total })}
          </p>
        )}
        <DecisionForm
          reference={request.reference}
          type={request.type}
          jurisdictions={request.jurisdictions}
          erasure={asksForErasure(request.type, request.details)}
          grounds={groundsFor(request.type, request.jurisdictions)}
          feeAlternative={request.jurisdictions.some((j) => FEE_ALTERNATIVE.includes(j))}
          openTasks={openTasks}
        />
        <ExtensionSection request={request} actor={actor} locale={locale} t={t} />
      </section>
    );
  }

  const { pending } = state;
  return (
    <section className="panel" aria-labelledby="approval-title" data-testid="approval-panel">
      <h2 id="approval-title">{t("decisions.awaitingTitle")}</h2>
      {pending && (
        <>
          <ProposalFacts approval={pending} locale={locale} t={t} />
          {pending.requestedById === actor.userId ? (
            <p className="notice" role="status">
              {t("decisions.waitingForOther")}
            </p>
          ) : can(actor.role, "request:approve") ? (
            <ApprovalDecisionForm reference={request.reference} approvalId={pending.id} />
          ) : (
            <p className="notice">{t("decisions.approverOnly")}</p>
          )}
        </>
      )}
    </section>
  );
}
