import { ClientSections } from "@/components/i18n/client-sections";
import { can } from "@/lib/auth/permissions";
import { getExtensionState } from "@/lib/data/requests/propose-extension";
import { formatDate, formatDateTime, formatDateTimeIn } from "@/lib/i18n/format";

import type { StaffPanelProps } from "../panel-props";

import { ApprovalDecisionForm, ExtensionForm } from "@/components/staff/deferred-forms";

/**
 * The deadline extension of an open request: the pending proposal (decided by a manager other
 * than the asker) or, where the law of one of its jurisdictions allows one, the proposal form.
 * Nothing for a request whose law has no extension (JP) or that was already extended.
 */
export async function ExtensionSection({ request, actor, locale, t }: StaffPanelProps) {
  const { extendable, closed, pending } = await getExtensionState({
    actor,
    reference: request.reference,
  });
  if (pending) {
    const { proposal } = pending;
    return (
      <section aria-labelledby="approval-title" data-testid="extension-pending">
        <h3 id="approval-title">{t("extensions.pendingTitle")}</h3>
        <dl className="facts">
          <dt>{t("extensions.jurisdiction")}</dt>
          <dd>{t(`queue.jurisdiction.${proposal.jurisdiction}`)}</dd>
          <dt>{t("extensions.newDue")}</dt>
          <dd>
            {proposal.newDueAt
              ? formatDate(locale, proposal.newDueAt)
              : t("extensions.legalMaximum")}
          </dd>
          <dt>{t("extensions.reason")}</dt>
          <dd className="pre-line">{proposal.reason}</dd>
          <dt>{t("extensions.requestedBy")}</dt>
          <dd>{pending.requestedBy}</dd>
          <dt>{t("decisions.askedAt")}</dt>
          <dd>{formatDateTime(locale, pending.requestedAt)}</dd>
        </dl>
        {pending.requestedById === actor.userId ? (
          <p className="notice" role="status">
            {t("extensions.waitingForOther")}
          </p>
        ) : can(actor.role, "request:approve") ? (
          <ApprovalDecisionForm reference={request.reference} approvalId={pending.id} />
        ) : (
          <p className="notice">{t("extensions.approverOnly")}</p>
        )}
      </section>
    );
  }
  if (extendable.length === 0 && closed.length === 0) return null;
  const names = (js: readonly string[]) =>
    js.map((j) => t(`queue.jurisdiction.${j as "EU"}`)).join(locale === "ja" ? "、" : ", ");
  if (extendable.length === 0) {
    return (
      <section aria-labelledby="extension-title" data-testid="extension-closed">
        <h3 id="extension-title">{t("extensions.title")}</h3>
        <p className="notice">{t("extensions.windowClosed", { jurisdictions: names(closed) })}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="extension-title" data-testid="extension-section">
      <h3 id="extension-title">{t("extensions.title")}</h3>
      <p className="help">{t("extensions.intro")}</p>
      <ul className="help" data-testid="extension-notice-by">
        {extendable.map((e) => (
          <li key={e.jurisdiction}>
            {t("extensions.noticeBy", {
              jurisdiction: t(`queue.jurisdiction.${e.jurisdiction}`),
              date: formatDateTimeIn(locale, e.noticeBy, e.zone),
            })}
          </li>
        ))}
      </ul>
      {closed.length > 0 && (
        <p className="help">{t("extensions.windowClosed", { jurisdictions: names(closed) })}</p>
      )}
      {/* Only error texts are translated in the browser; the labels are translated here. */}
      <ClientSections locale={locale} sections={["deadlines", "errors", "validation"]}>
        <ExtensionForm
          reference={request.reference}
          jurisdictions={extendable.map((e) => ({
            value: e.jurisdiction,
            label: t(`queue.jurisdiction.${e.jurisdiction}`),
          }))}
          labels={{
            jurisdiction: t("extensions.jurisdiction"),
            reason: t("extensions.reason"),
            dueChoice: t("extensions.dueChoice"),
            maximum: t("extensions.maximum"),
            specificDate: t("extensions.specificDate"),
            newDueDate: t("extensions.newDueDate"),
            submit: t("extensions.submit"),
            submitting: t("extensions.submitting"),
          }}
        />
      </ClientSections>
    </section>
  );
}
