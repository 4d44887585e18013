"use client";

import { useState } from "react";

import { useI18n } from "@/components/i18n/i18n-provider";

/**
 * Shown beside a STEP_UP_REQUIRED refusal: confirms the session's passkey in place, so the person
 * can repeat what they were doing. The WebAuthn code loads only when it is pressed.
 */
export function StepUpButton({ onConfirmed }: { onConfirmed?: () => void }) {
  const { t } = useI18n();
  const [state, setState] = useState<"idle" | "busy" | "done" | "failed">("idle");

  async function confirm() {
    setState("busy");
    const { assertPasskey } = await import("./passkey-calls");
    const result = await assertPasskey();
    setState(result.ok ? "done" : "failed");
    if (result.ok) onConfirmed?.();
  }

  if (state === "done") return <span role="status">{t("errors.stepUpDone")}</span>;
  return (
    <>
      <button
        type="button"
        className="secondary"
        disabled={state === "busy"}
        onClick={() => void confirm()}
      >
        {t("errors.stepUpConfirm")}
      </button>
      {state === "failed" && <span role="alert">{t("errors.stepUpFailed")}</span>}
    </>
  );
}
