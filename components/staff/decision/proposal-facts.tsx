import type { DecisionState } from "@/lib/data/requests/get-decision-state";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

/** What was proposed for approval, by whom and when. */
export function ProposalFacts(props: {
  approval: NonNullable<DecisionState["pending"]>;
  locale: Locale;
  t: Translate;
}) {
  const { approval, locale, t } = props;
  const { proposal } = approval;
  return (
    <dl className="facts" data-testid="proposal">
      <dt>{t("decisions.kind")}</dt>
      <dd>{t(`decisions.kinds.${approval.kind}`)}</dd>
      <dt>{t("decisions.outcome")}</dt>
      <dd data-testid="proposal-outcome">{t(`outcome.${proposal.outcome}`)}</dd>
      {proposal.grounds.length > 0 && (
        <>
          <dt>{t("decisions.refusalGrounds")}</dt>
          <dd>
            <ul data-testid="proposal-grounds">
              {proposal.grounds.map((g) => (
                <li key={g}>{t(`decisions.groundLabels.${g}`)}</li>
              ))}
            </ul>
          </dd>
        </>
      )}
      <dt>{t("decisions.note")}</dt>
      <dd className="pre-line" data-testid="proposal-note">
        {proposal.note}
      </dd>
      <dt>{t("decisions.askedBy")}</dt>
      <dd data-testid="proposal-asked-by">{approval.requestedBy}</dd>
      <dt>{t("decisions.askedAt")}</dt>
      <dd>{formatDateTime(locale, approval.requestedAt)}</dd>
    </dl>
  );
}
