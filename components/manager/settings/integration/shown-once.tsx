"use client";

import { useI18n } from "@/components/i18n/i18n-provider";

/** A new key, shown this once: the portal keeps only its hash. */
export function ShownOnce({ plaintext, id }: { plaintext: string; id: string }) {
  const { t } = useI18n();
  return (
    <div className="success" role="status" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`}>
        <strong>{t("integration.shownOnce.title")}</strong>
      </p>
      <p>{t("integration.shownOnce.help")}</p>
      <p>
        <label htmlFor={id}>{t("integration.shownOnce.key")}</label>{" "}
        <input
          id={id}
          type="text"
          readOnly
          value={plaintext}
          size={Math.min(plaintext.length, 70)}
          data-testid="new-api-key"
          onFocus={(event) => event.currentTarget.select()}
        />
      </p>
    </div>
  );
}
