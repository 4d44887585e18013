"use client";

import { useRouter } from "next/navigation";

import { useI18n } from "@/components/i18n/i18n-provider";

import { StepUpButton } from "./step-up-button";

/**
 * In place of something that needs a recent passkey (an identity document, a package download):
 * why, and the button that confirms it and reloads the page's data.
 */
export function StepUpNotice() {
  const { t } = useI18n();
  const router = useRouter();
  return (
    <div className="notice" data-testid="step-up-notice">
      <p>{t("errors.stepUpRequired")}</p>
      <StepUpButton onConfirmed={() => router.refresh()} />
    </div>
  );
}
