import { forbidden } from "next/navigation";

import { ClientSections } from "@/components/i18n/client-sections";
import { AgentActions } from "@/components/manager/settings/drp/agent-actions";
import { RegisterAgentForm } from "@/components/manager/settings/drp/register-agent-form";
import { StackTable } from "@/components/ui/stack-table";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { listDrpAgents, type DrpAgentRow } from "@/lib/drp/manage/list-agents";
import { getEnv } from "@/lib/env";
import { toLocale, type Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { getTranslator } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

/** Where agents send requests: the portal's public address when it is configured. */
function apiBase(): string {
  const configured = getEnv().AUTH_URL;
  return configured ? new URL("/api/drp", configured).href : "/api/drp";
}

function AgentsTable({ agents, locale }: { agents: DrpAgentRow[]; locale: Locale }) {
  const t = getTranslator(locale);
  if (agents.length === 0) return <p>{t("drp.noAgents")}</p>;
  return (
    <StackTable
      columns={[
        t("drp.column.agentId"),
        t("drp.column.name"),
        t("drp.column.fingerprint"),
        t("drp.column.identityAssurance"),
        t("drp.column.registered"),
        { label: t("drp.column.requests"), narrow: true },
        t("drp.column.status"),
        t("drp.column.actions"),
      ]}
      labelledBy="drp-agents-title"
      testId="drp-agents"
    >
      {agents.map((agent) => (
        <tr key={agent.id} data-agent-id={agent.agentId}>
          <td>
            <code>{agent.agentId}</code>
          </td>
          <td>{agent.name}</td>
          <td>
            <code>{agent.verifyKey.slice(0, 12)}</code>
          </td>
          <td>
            {agent.identityAssuranceUrl ? (
              <a href={agent.identityAssuranceUrl} rel="noopener noreferrer" target="_blank">
                {t("drp.identityAssuranceLink", { name: agent.name })}
              </a>
            ) : (
              t("drp.notSet")
            )}
          </td>
          <td>{formatDate(locale, agent.createdAt)}</td>
          <td>{agent.requestCount}</td>
          <td>
            {agent.revokedAt
              ? t("drp.revokedOn", { date: formatDate(locale, agent.revokedAt) })
              : t("drp.active")}
          </td>
          <td>
            {!agent.revokedAt && (
              <AgentActions id={agent.id} agentId={agent.agentId} name={agent.name} />
            )}
          </td>
        </tr>
      ))}
    </StackTable>
  );
}

// The authorised agents that may file requests over the Data Rights Protocol (lib/drp). Every
// registration and revocation is audited in the data layer (lib/drp/manage).
export default async function DrpAgentsPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "integration:configure")) forbidden();
  const agents = await listDrpAgents({ actor });
  const businessId = getEnv().DRP_BUSINESS_ID;

  return (
    <ClientSections locale={locale} sections={["drp"]}>
      <h1>{t("drp.title")}</h1>
      <p>{t("drp.intro")}</p>
      <section className="panel" aria-labelledby="drp-endpoint-title" data-testid="drp-endpoint">
        <h2 id="drp-endpoint-title">{t("drp.endpointTitle")}</h2>
        <dl className="facts">
          <dt>{t("drp.apiBase")}</dt>
          <dd className="break-anywhere">
            <code>{apiBase()}</code>
          </dd>
          {businessId && (
            <>
              <dt>{t("drp.businessId")}</dt>
              <dd className="break-anywhere">
                <code>{businessId}</code>
              </dd>
            </>
          )}
        </dl>
        {!businessId && <p className="notice">{t("drp.off")}</p>}
      </section>
      <section className="panel" aria-labelledby="drp-agents-title">
        <h2 id="drp-agents-title">{t("drp.agentsTitle")}</h2>
        <AgentsTable agents={agents} locale={locale} />
      </section>
      <section className="panel">
        <RegisterAgentForm />
      </section>
    </ClientSections>
  );
}
