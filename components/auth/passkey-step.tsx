"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { TextField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useI18n } from "@/components/i18n/i18n-provider";

import { assertPasskey, redeemRecoveryCode, registerPasskey, type Failure } from "./passkey-calls";
import { RecoveryCodes } from "./recovery-codes";

/**
 * The second step of a staff sign-in: register the first passkey (and keep the recovery codes),
 * or confirm with a registered one, or use a recovery code and register a new passkey.
 */
export function PasskeyStep({ hasPasskey, next }: { hasPasskey: boolean; next: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [mode, setMode] = useState<"register" | "assert">(hasPasskey ? "assert" : "register");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure>();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [recovered, setRecovered] = useState<number | null>(null);
  const [code, setCode] = useState("");
  const [codeError, setCodeError] = useState<Failure>();
  const [redeeming, setRedeeming] = useState(false);

  const proceed = () => {
    router.replace(next);
    router.refresh();
  };

  async function register() {
    setBusy(true);
    setFailure(undefined);
    const result = await registerPasskey(t("passkeys.defaultName"));
    setBusy(false);
    if (!result.ok) return setFailure(result);
    if (result.recoveryCodes) setCodes(result.recoveryCodes);
    else proceed();
  }

  async function assert() {
    setBusy(true);
    setFailure(undefined);
    const result = await assertPasskey();
    setBusy(false);
    if (!result.ok) return setFailure(result);
    proceed();
  }

  async function recover(event: React.FormEvent) {
    event.preventDefault();
    setCodeError(undefined);
    setRedeeming(true);
    const result = await redeemRecoveryCode(code);
    setRedeeming(false);
    if (!result.ok) return setCodeError(result);
    setRecovered(result.remaining);
    setMode("register");
  }

  if (codes) return <RecoveryCodes codes={codes} onDone={proceed} />;

  return (
    <>
      {mode === "register" ? (
        <>
          <h2>{t("passkeys.registerTitle")}</h2>
          {recovered !== null && (
            <p role="status">{t("passkeys.recovered", { remaining: recovered })}</p>
          )}
          <p>{t("passkeys.registerIntro")}</p>
          <FormAlert error={failure?.error} errorId={failure?.errorId} />
          <button type="button" disabled={busy} onClick={() => void register()}>
            {busy ? t("passkeys.registering") : t("passkeys.register")}
          </button>
        </>
      ) : (
        <>
          <FormAlert error={failure?.error} errorId={failure?.errorId} />
          <button type="button" disabled={busy} onClick={() => void assert()}>
            {busy ? t("passkeys.using") : t("passkeys.use")}
          </button>
          <details>
            <summary>{t("passkeys.lostTitle")}</summary>
            <form onSubmit={(e) => void recover(e)} noValidate>
              <TextField
                id="recovery-code"
                label={t("passkeys.recoveryCode")}
                hint={t("passkeys.recoveryHelp")}
                error={codeError?.error}
                autoComplete="one-time-code"
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
              {/* A code is spent once: the button waits for the first press's answer. */}
              <SubmitButton pending={redeeming} variant="secondary">
                {t("passkeys.recoverySubmit")}
              </SubmitButton>
            </form>
          </details>
        </>
      )}
    </>
  );
}
