import { Stepper } from "@/components/ui/stepper";
import type { Translate } from "@/lib/i18n/translate";

const STEPS = ["choose", "details", "documents"] as const;

/**
 * The request wizard's steps: choose a right, fill in the details, then (on the new request's
 * page, where its status tracker takes over) send identity documents.
 */
export function WizardSteps({ current, t }: { current: 0 | 1; t: Translate }) {
  return (
    <Stepper
      label={t("requestForm.wizard.label")}
      steps={STEPS.map((step) => t(`requestForm.wizard.${step}`))}
      current={current}
      doneLabel={t("request.tracker.done")}
      currentLabel={t("request.tracker.current")}
      testId="wizard-steps"
    />
  );
}
