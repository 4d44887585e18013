"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { revokeApiKey } from "@/lib/actions/manager/integration/revoke-api-key";
import { rotateApiKey } from "@/lib/actions/manager/integration/rotate-api-key";
import type { MessageKey } from "@/lib/i18n/translate";

import { ShownOnce } from "./shown-once";

type State = { key?: string; revoked?: boolean; error?: MessageKey; errorId?: string };

/** Rotate (a new key shown once, the old revoked) or revoke, with a second click to confirm. */
export function KeyActions({ keyId, prefix }: { keyId: string; prefix: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [state, setState] = useState<State>({});

  const run = async (action: () => ReturnType<typeof rotateApiKey | typeof revokeApiKey>) => {
    setBusy(true);
    setState({});
    const result = await action();
    setBusy(false);
    setConfirming(false);
    if (!result.ok) return setState({ error: result.error, errorId: result.errorId });
    setState("key" in result.data ? { key: result.data.key } : { revoked: true });
    router.refresh();
  };

  return (
    <div role="group" aria-label={t("integration.keyActions", { prefix })}>
      {confirming ? (
        <>
          <button type="button" disabled={busy} onClick={() => run(() => revokeApiKey({ keyId }))}>
            {t("integration.confirmRevoke")}
          </button>{" "}
          <button type="button" onClick={() => setConfirming(false)}>
            {t("integration.cancel")}
          </button>
        </>
      ) : (
        <>
          <button type="button" disabled={busy} onClick={() => run(() => rotateApiKey({ keyId }))}>
            {t("integration.rotate")}
          </button>{" "}
          <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
            {t("integration.revoke")}
          </button>
        </>
      )}
      <div aria-live="polite">
        {state.key && <ShownOnce id={`rotated-${prefix}`} plaintext={state.key} />}
        {state.revoked && <p className="success">{t("integration.revoked")}</p>}
      </div>
      <FormAlert error={state.error} errorId={state.errorId} />
    </div>
  );
}
