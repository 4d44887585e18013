"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { TextField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useI18n } from "@/components/i18n/i18n-provider";
import { toast } from "@/components/ui/toast";
import { removeLogo, uploadLogo } from "@/lib/actions/manager/brand/update-brand";
import type { MessageKey } from "@/lib/i18n/translate";

type Outcome = { error?: MessageKey; errorId?: string; fileError?: MessageKey };

/**
 * Uploads the organisation's logo (checked by content on the server) or goes back to the default;
 * either says so in a toast.
 */
export function LogoForm({ logoVersion }: { logoVersion: number | null }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome>({});
  const settle = (result: Awaited<ReturnType<typeof removeLogo>>) => {
    if (result.ok) {
      toast(t("settingsBrand.logoSaved"));
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
        <TextField
          id="brand-logo-file"
          label={t("settingsBrand.logoFile")}
          hint={t("settingsBrand.logoHelp")}
          error={outcome.fileError}
          name="file"
          type="file"
          accept="image/png,image/jpeg,image/webp"
        />
        <FormAlert error={outcome.error} errorId={outcome.errorId} />
        <p className="actions">
          <SubmitButton pending={pending}>{t("settingsBrand.logoUpload")}</SubmitButton>
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
