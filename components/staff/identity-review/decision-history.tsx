import { StackTable } from "@/components/ui/stack-table";
import type { IdentityReview } from "@/lib/data/identity/get-identity-review";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import { isMessageKey, type Translate } from "@/lib/i18n/translate";
import { IDENTITY_CHECKS } from "@/lib/validation/identity-review";

/** The identity decisions made on a request so far, oldest first (read-only). */
export function DecisionHistory(props: {
  decisions: IdentityReview["decisions"];
  locale: Locale;
  t: Translate;
}) {
  const { decisions, locale, t } = props;
  const reasonText = (result: string, code: string) => {
    const key =
      result === "UNVERIFIABLE" ? `review.unverifiable.reason.${code}` : `review.reason.${code}`;
    return isMessageKey(key) ? t(key) : code;
  };
  return (
    <>
      <h3 id="decisions-title">{t("review.decisions.title")}</h3>
      {decisions.length === 0 ? (
        <p>{t("review.decisions.empty")}</p>
      ) : (
        <StackTable
          labelledBy="decisions-title"
          testId="review-decisions"
          columns={[
            t("review.decisions.columns.decidedAt"),
            t("review.decisions.columns.result"),
            t("review.decisions.columns.by"),
            t("review.decisions.columns.checks"),
            t("review.decisions.columns.reasons"),
            t("review.decisions.columns.note"),
          ]}
        >
          {decisions.map((decision) => {
            const checks = (decision.checks ?? {}) as Record<string, unknown>;
            const ticked = IDENTITY_CHECKS.filter((check) => checks[check] === true);
            return (
              <tr key={decision.id} data-result={decision.result}>
                <td>{formatDateTime(locale, decision.decidedAt)}</td>
                <td>{t(`review.decisions.result.${decision.result}`)}</td>
                <td>{decision.decidedBy?.name ?? decision.decidedBy?.email ?? "—"}</td>
                <td>
                  {ticked.length > 0
                    ? ticked.map((check) => t(`review.checks.summary.${check}`)).join(", ")
                    : t("review.decisions.none")}
                </td>
                <td>
                  {decision.reasons.length > 0 ? (
                    <ul>
                      {decision.reasons.map((code) => (
                        <li key={code}>{reasonText(decision.result, code)}</li>
                      ))}
                    </ul>
                  ) : (
                    t("review.decisions.none")
                  )}
                </td>
                <td className="pre-line">{decision.note || "—"}</td>
              </tr>
            );
          })}
        </StackTable>
      )}
    </>
  );
}
