"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { requestSignInLink } from "@/lib/actions/auth/request-sign-in-link";
import type { MessageKey } from "@/lib/i18n/translate";

export function ReauthForm({ email, next }: { email: string; next: string }) {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  // The button acts through the page's script: until it has loaded, a click would be lost, so
  // the button says it cannot be pressed yet (and a test's click waits for it).
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const [failure, setFailure] = useState<{ error: MessageKey; errorId?: string }>();

  async function send() {
    setBusy(true);
    const result = await requestSignInLink({ email, locale, next });
    setBusy(false);
    if (result.ok) return router.push(`/${locale}/sign-in/check-email`);
    setFailure({ error: result.error, errorId: result.errorId });
  }

  return (
    <>
      <p>
        <strong>{email}</strong>
      </p>
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
      <button type="button" disabled={busy || !ready} onClick={() => void send()}>
        {t("signIn.reauthSubmit")}
      </button>
    </>
  );
}
