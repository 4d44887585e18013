import { readDrpDetails } from "@/components/requests/drp-agent-panel";
import type { IdentityReview } from "@/lib/data/identity/get-identity-review";
import type { Locale } from "@/lib/i18n/config";
import { formatDateWithEra } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

// What the agent declared when filing (lib/data/requests/create-request.ts: agentDetails).
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

const joined = (...parts: (string | null | undefined)[]) =>
  parts.filter((p) => p && p.trim()).join(" ");

/** The data points a document is matched against: the person's, and an agent's own. */
export function KnownData(props: { review: IdentityReview; locale: Locale; t: Translate }) {
  const { review, locale, t } = props;
  const { subject } = review;
  const unknown = t("review.match.unknown");
  const or = (value: string) => value || unknown;
  const details = (review.agentDetails ?? {}) as AgentDetails;
  const agent = details.agent;
  // An authorised agent over DRP is an organisation: its name, and its attestation in the agent
  // panel (components/requests/drp-agent-panel.tsx).
  const drpAgent = readDrpDetails(review.agentDetails)?.agentName ?? "";
  return (
    <section aria-labelledby="match-title" data-testid="known-data">
      <h3 id="match-title">{t("review.match.title")}</h3>
      <h4 id="match-subject">{t("review.match.subject")}</h4>
      <dl className="facts">
        <dt>{t("review.match.name")}</dt>
        <dd>{or(joined(subject.familyName, subject.givenName))}</dd>
        <dt>{t("review.match.kana")}</dt>
        <dd>{or(joined(subject.familyNameKana, subject.givenNameKana))}</dd>
        <dt>{t("review.match.birthDate")}</dt>
        <dd>{subject.birthDate ? formatDateWithEra(locale, subject.birthDate) : unknown}</dd>
        <dt>{t("review.match.postalCode")}</dt>
        <dd>{or(subject.postalCode ?? "")}</dd>
        <dt>{t("review.match.address")}</dt>
        <dd>{or(subject.address ?? "")}</dd>
      </dl>
      {review.filerRole !== "SELF" && (
        <>
          <h4 id="match-agent">{t("review.match.agent")}</h4>
          <dl className="facts" data-testid="known-agent">
            <dt>{t("review.match.filerRole")}</dt>
            <dd>{t(`filerRole.${review.filerRole}`)}</dd>
            {details.relationship && (
              <>
                <dt>{t("review.match.relationship")}</dt>
                <dd>{t(`requestForm.relationship${details.relationship}`)}</dd>
              </>
            )}
            <dt>{t("review.match.name")}</dt>
            <dd>{or(joined(agent?.familyName, agent?.givenName) || drpAgent)}</dd>
            <dt>{t("review.match.kana")}</dt>
            <dd>{or(joined(agent?.familyNameKana, agent?.givenNameKana))}</dd>
            <dt>{t("review.match.birthDate")}</dt>
            <dd>{agent?.birthDate ? formatDateWithEra(locale, agent.birthDate) : unknown}</dd>
          </dl>
        </>
      )}
    </section>
  );
}
