import type { Translate } from "@/lib/i18n/translate";

import { DrpAgentPanel, readDrpDetails } from "./drp-agent-panel";

type AgentDetails = {
  relationship?: "PARENT_OF_MINOR" | "GUARDIAN_OF_ADULT_WARD" | null;
  agent?: {
    familyName?: string;
    givenName?: string;
    familyNameKana?: string;
    givenNameKana?: string;
    birthDate?: string;
  };
};

/** For staff: who filed on the person's behalf, and what both identities need. */
export function AgentPanel({ details, t }: { details: unknown; t: Translate }) {
  // An authorised agent over the Data Rights Protocol: an organisation that attests the person's
  // identity, not a person with documents of their own.
  const drp = readDrpDetails(details);
  if (drp) return <DrpAgentPanel drp={drp} t={t} />;
  const d = (details ?? {}) as AgentDetails;
  return (
    <section className="panel" aria-labelledby="agent-title">
      <h2 id="agent-title">{t("staff.agentTitle")}</h2>
      <dl className="facts">
        <dt>{t("staff.agentName")}</dt>
        <dd data-testid="agent-name">
          {d.agent?.familyName} {d.agent?.givenName}{" "}
          {d.agent?.familyNameKana && `(${d.agent.familyNameKana} ${d.agent.givenNameKana ?? ""})`}
        </dd>
        {d.relationship && (
          <>
            <dt>{t("staff.agentRelationship")}</dt>
            <dd>{t(`requestForm.relationship${d.relationship}`)}</dd>
          </>
        )}
      </dl>
      <p>{t("staff.agentVerifyHelp")}</p>
    </section>
  );
}
