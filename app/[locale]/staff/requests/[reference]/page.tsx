import { ClientSections } from "@/components/i18n/client-sections";
import { forbidden, notFound } from "next/navigation";

import { AgentPanel } from "@/components/requests/agent-panel";
import { AcknowledgementPanel } from "@/components/staff/acknowledgement/acknowledgement-panel";
import { LetterList } from "@/components/requests/letter-list";
import { MessageThread } from "@/components/requests/message-thread";
import { RequestDetails } from "@/components/requests/request-details";
import { RequestFacts } from "@/components/requests/request-facts";
import { RequestTimeline } from "@/components/requests/request-timeline";
import { DecisionPanel } from "@/components/staff/decision/decision-panel";
import { FeePanel } from "@/components/staff/fee/fee-panel";
import { StaffMessagePanel } from "@/components/staff/decision/staff-message-panel";
import { NoticesPanel } from "@/components/staff/fulfilment/notices-panel";
import { TasksPanel } from "@/components/staff/fulfilment/tasks-panel";
import { IdentityReviewPanel } from "@/components/staff/identity-review/identity-review-panel";
import { JurisdictionPanel } from "@/components/staff/jurisdiction/jurisdiction-panel";
import { PackagePanel } from "@/components/staff/package/package-panel";
import { AssignControl } from "@/components/staff/queue/assign-control";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { getKeyNames } from "@/lib/data/data-map/get-key-names";
import { getRequest } from "@/lib/data/requests/get-request";
import { toLocale } from "@/lib/i18n/config";
import { formatDateWithEra } from "@/lib/i18n/format";
import { getTranslator } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

export default async function StaffRequestPage({
  params,
}: {
  params: Promise<{ locale: string; reference: string }>;
}) {
  const { locale: raw, reference } = await params;
  const locale = toLocale(raw);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "request:read-any")) forbidden();
  const request = await getRequest({ actor, reference });
  if (!request) notFound();
  const subject = request.subject as typeof request.subject & {
    familyNameKana?: string | null;
    givenNameKana?: string | null;
    birthDate?: Date | null;
    email?: string | null;
  };
  const panel = { request, actor, locale, t };
  return (
    <ClientSections
      locale={locale}
      sections={[
        "channel",
        "messages",
        "identity",
        "outcome",
        // Refusal reasons of an extension come back from the server as keys of these sections.
        "deadlines",
        "extensions",
        "jurisdictions",
        // Decisions, the disclosure package, assignment, fees, tasks and identity review load
        // with their forms (components/staff/deferred-forms.ts, lib/i18n/lazy-sections.ts).
      ]}
    >
      <h1>
        {t(`requestType.${request.type}`)} <small>{request.reference}</small>
      </h1>
      {/* The request as a workspace: its facts, the person and who holds it in a narrow column
          beside the work (laws and clocks, identity, fees, tasks, package, decision, messages);
          one column on smaller screens, facts first. */}
      <div className="request-workspace">
        <aside className="request-context" aria-label={t("staff.contextTitle")}>
          <RequestFacts request={request} locale={locale} t={t} now={new Date()} />
          <section className="panel" aria-labelledby="details-title">
            <h2 id="details-title">{t("request.details")}</h2>
            <RequestDetails
              type={request.type}
              details={request.details}
              names={await getKeyNames({ locale, details: request.details })}
              t={t}
            />
          </section>
          {request.filerRole !== "SELF" && <AgentPanel details={request.agentDetails} t={t} />}
          <section className="panel" aria-labelledby="subject-title">
            <h2 id="subject-title">{t("staff.subjectTitle")}</h2>
            <dl className="facts">
              <dt>{t("staff.subject")}</dt>
              <dd>
                {subject.familyName} {subject.givenName}
              </dd>
              <dt>{t("staff.kana")}</dt>
              <dd>
                {subject.familyNameKana} {subject.givenNameKana}
              </dd>
              <dt>{t("staff.birthDate")}</dt>
              <dd>{subject.birthDate ? formatDateWithEra(locale, subject.birthDate) : "—"}</dd>
              <dt>{t("staff.email")}</dt>
              <dd>{subject.email ?? "—"}</dd>
            </dl>
          </section>
          <AssignControl {...panel} />
          <AcknowledgementPanel {...panel} />
          <LetterList request={request} locale={locale} t={t} audience="staff" />
        </aside>
        <div className="request-work">
          <JurisdictionPanel {...panel} />
          <IdentityReviewPanel {...panel} />
          <FeePanel {...panel} />
          <TasksPanel {...panel} />
          <NoticesPanel {...panel} />
          <PackagePanel {...panel} />
          <DecisionPanel {...panel} />
          <h2>{t("request.timeline")}</h2>
          <RequestTimeline events={request.events} locale={locale} t={t} />
          <h2>{t("messages.title")}</h2>
          <MessageThread
            messages={request.messages}
            reference={request.reference}
            locale={locale}
            t={t}
            viewer="staff"
          />
          <StaffMessagePanel {...panel} />
        </div>
      </div>
    </ClientSections>
  );
}
