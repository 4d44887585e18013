"use client";

import { useState } from "react";

import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";

import type { Failure } from "./passkey-calls";

/**
 * Sign in with a passkey, or confirm the session with one (re-authentication before a download);
 * then go to `next` with a full load, so the new session's header and pages are read afresh.
 */
export function PasskeyButton({ next, label }: { next: string; label: "signIn" | "confirm" }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure>();

  async function go() {
    setBusy(true);
    setFailure(undefined);
    // The WebAuthn library loads when asked for, not with the sign-in page (issue 15's budget).
    const { assertPasskey } = await import("./passkey-calls");
    const result = await assertPasskey();
    if (!result.ok) {
      setBusy(false);
      return setFailure(result);
    }
    window.location.assign(next);
  }

  return (
    <>
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
      <button type="button" className="secondary" disabled={busy} onClick={() => void go()}>
        {busy
          ? t("passkeys.using")
          : label === "signIn"
            ? t("passkeys.signInWithPasskey")
            : t("passkeys.reauthWithPasskey")}
      </button>
    </>
  );
}
