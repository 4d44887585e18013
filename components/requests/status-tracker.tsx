import type { RequestStatus } from "@/lib/generated/prisma/enums";
import type { Translate } from "@/lib/i18n/translate";

const STEPS = ["received", "identity", "work", "answer"] as const;

/** Where a request stands among the four steps a requester knows; null once withdrawn. */
export function trackerStep(status: RequestStatus, identityVerified: boolean): number | null {
  switch (status) {
    case "WITHDRAWN":
      return null;
    case "COMPLETED":
      return STEPS.length;
    case "SUBMITTED":
    case "AWAITING_IDENTITY":
    case "IDENTITY_REVIEW":
      return 1;
    case "NEEDS_INFO":
      return identityVerified ? 2 : 1;
    case "IN_PROGRESS":
    case "AWAITING_FEE":
    case "AWAITING_APPROVAL":
      return 2;
  }
}

/**
 * The request's progress at the top of its page: received → identity → in progress → answer,
 * the current step marked for assistive technology (aria-current) as well as by colour.
 */
export function StatusTracker(props: {
  status: RequestStatus;
  identityVerified: boolean;
  t: Translate;
}) {
  const { t } = props;
  const current = trackerStep(props.status, props.identityVerified);
  if (current === null) return null;
  return (
    <ol className="tracker" aria-label={t("request.tracker.label")} data-testid="status-tracker">
      {STEPS.map((step, i) => {
        const state = i < current ? "done" : i === current ? "current" : "todo";
        return (
          <li key={step} data-state={state} aria-current={state === "current" ? "step" : undefined}>
            <span className="marker" aria-hidden="true">
              {state === "done" ? "✓" : i + 1}
            </span>
            <span>{t(`request.tracker.${step}`)}</span>
            {state !== "todo" && (
              <span className="visually-hidden">
                {" "}
                ({state === "done" ? t("request.tracker.done") : t("request.tracker.current")})
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
