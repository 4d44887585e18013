import type { RequestStatus } from "@/lib/generated/prisma/enums";
import type { Translate } from "@/lib/i18n/translate";
import { Stepper } from "@/components/ui/stepper";

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
    <Stepper
      label={t("request.tracker.label")}
      steps={STEPS.map((step) => t(`request.tracker.${step}`))}
      current={current}
      doneLabel={t("request.tracker.done")}
      currentLabel={t("request.tracker.current")}
      testId="status-tracker"
    />
  );
}
