"use client";

import { useI18n } from "@/components/i18n/i18n-provider";

/** Recovery codes, shown once, with the step that moves on once they are kept. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="recovery-codes-title" className="panel">
      <h2 id="recovery-codes-title">{t("passkeys.codesTitle")}</h2>
      <p>{t("passkeys.codesIntro")}</p>
      <ul className="codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onDone}>
        {t("passkeys.codesSaved")}
      </button>
    </section>
  );
}
