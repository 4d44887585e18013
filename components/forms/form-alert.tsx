"use client";

import { StepUpButton } from "@/components/auth/step-up-button";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/translate";

/**
 * The form-level result, announced to screen readers. A refusal for want of a recent passkey
 * comes with the button that gives one.
 */
export function FormAlert({ error, errorId }: { error?: MessageKey; errorId?: string }) {
  const { t } = useI18n();
  return (
    <div aria-live="polite">
      {error && (
        <p className="alert" role="alert">
          {t(error)} {errorId && <small>{t("errors.errorId", { id: errorId })}</small>}
        </p>
      )}
      {error === "errors.stepUpRequired" && (
        <p>
          <StepUpButton />
        </p>
      )}
    </div>
  );
}
