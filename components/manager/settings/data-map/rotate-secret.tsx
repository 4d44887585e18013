"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { rotateRecipientSecret } from "@/lib/actions/manager/data-map/rotate-recipient-secret";
import { rotateSystemSecret } from "@/lib/actions/manager/data-map/rotate-system-secret";
import type { MessageKey } from "@/lib/i18n/translate";

const ROTATE = { system: rotateSystemSecret, recipient: rotateRecipientSecret };

/**
 * Generates a new signing secret for an HTTP system or a recipient's notice webhook and shows it
 * this once. It lives only in this component's state: never in the URL, the page's HTML on
 * reload, or any log.
 */
export function RotateSecret(props: { kind: keyof typeof ROTATE; id: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<{ error?: MessageKey; errorId?: string }>({});

  async function onClick() {
    if (!window.confirm(t("settingsDataMap.systems.confirmRotate"))) return;
    setBusy(true);
    setError({});
    setSecret(null);
    const result = await ROTATE[props.kind]({ id: props.id });
    setBusy(false);
    if (!result.ok) return setError({ error: result.error, errorId: result.errorId });
    setSecret(result.data.secret);
    // The page's "set" status follows; this component keeps the secret in its state meanwhile.
    router.refresh();
  }

  return (
    <div>
      <button type="button" disabled={busy} onClick={() => void onClick()}>
        {t("settingsDataMap.systems.rotate")}
      </button>
      <div aria-live="polite">
        {secret && (
          <div className="success" data-testid="new-secret">
            <p>
              <label htmlFor="new-secret-value">{t("settingsDataMap.systems.newSecret")}</label>
            </p>
            <input
              id="new-secret-value"
              type="text"
              readOnly
              value={secret}
              size={48}
              className="secret-value"
              autoComplete="off"
              spellCheck={false}
              aria-describedby="new-secret-help"
              onFocus={(event) => event.currentTarget.select()}
            />
            <p id="new-secret-help">{t("settingsDataMap.systems.newSecretHelp")}</p>
          </div>
        )}
      </div>
      <FormAlert error={error.error} errorId={error.errorId} />
    </div>
  );
}
