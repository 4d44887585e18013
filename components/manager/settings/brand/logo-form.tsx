"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { removeLogo, uploadLogo } from "@/lib/actions/manager/brand/update-brand";
import type { MessageKey } from "@/lib/i18n/translate";

type Outcome = { saved?: boolean; error?: MessageKey; errorId?: string; fileError?: MessageKey };

/** Uploads the organisation's logo (checked by content on the server) or goes back to the default. */
export function LogoForm({ logoVersion }: { logoVersion: number | null }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome>({});
  const settle = (result: Awaited<ReturnType<typeof removeLogo>>) => {
    if (result.ok) {
      setOutcome({ saved: true });
      return router.refresh();
    }
    // The image's own faults (missing, too large, not an image) go under the file field.
    const fileError =
      result.fieldErrors?.file ??
      (result.error.startsWith("settingsBrand.") ? result.error : undefined);
    setOutcome(fileError ? { fileError } : { error: result.error, errorId: result.errorId });
  };
  return (
    <section className="panel" aria-labelledby="brand-logo-title">
      <h2 id="brand-logo-title">{t("settingsBrand.logoTitle")}</h2>
      <p className="logo-current">
        {/* eslint-disable-next-line @next/next/no-img-element -- the logo route serves it as uploaded */}
        <img
          src={logoVersion ? `/brand/logo?v=${logoVersion}` : "/brand/logo.svg"}
          alt={t("settingsBrand.logoCurrent")}
          width={64}
          height={64}
        />
        {!logoVersion && <span>{t("settingsBrand.logoDefault")}</span>}
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          startTransition(async () => {
            setOutcome({});
            settle(await uploadLogo(data));
          });
        }}
      >
        <div className="field">
          <label htmlFor="brand-logo-file">{t("settingsBrand.logoFile")}</label>
          <p id="brand-logo-help" className="help">
            {t("settingsBrand.logoHelp")}
          </p>
          <input
            id="brand-logo-file"
            name="file"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            aria-invalid={outcome.fileError ? true : undefined}
            aria-describedby={
              outcome.fileError ? "brand-logo-help brand-logo-error" : "brand-logo-help"
            }
          />
          <FieldError id="brand-logo-error" message={outcome.fileError} />
        </div>
        <div aria-live="polite">
          {outcome.saved && <p className="success">{t("settingsBrand.logoSaved")}</p>}
        </div>
        <FormAlert error={outcome.error} errorId={outcome.errorId} />
        <p className="actions">
          <button type="submit" disabled={pending}>
            {t("settingsBrand.logoUpload")}
          </button>
          {logoVersion && (
            <button
              type="button"
              className="secondary"
              disabled={pending}
              onClick={() =>
                startTransition(async () => {
                  setOutcome({});
                  settle(await removeLogo({}));
                })
              }
            >
              {t("settingsBrand.logoRemove")}
            </button>
          )}
        </p>
      </form>
    </section>
  );
}
