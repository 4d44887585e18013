"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { buildPackage } from "@/lib/actions/staff/build-package";
import type { MessageKey } from "@/lib/i18n/translate";

/**
 * Builds (or rebuilds) the package; the result is announced and the panel reloads. While a
 * system's task is still open nothing can be built; when a system's data could not be gathered,
 * staff confirm that the package will say so.
 */
export function BuildForm(props: {
  reference: string;
  rebuild: boolean;
  pending: boolean;
  gaps: boolean;
}) {
  const { reference, rebuild, pending, gaps } = props;
  const { t } = useI18n();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [acceptGaps, setAcceptGaps] = useState(false);
  const [failure, setFailure] = useState<{
    error: MessageKey;
    errorId?: string;
    fields?: Record<string, MessageKey>;
  }>();
  const [done, setDone] = useState<number>();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    setDone(undefined);
    const result = await buildPackage({ reference, acceptGaps });
    setBusy(false);
    if (!result.ok)
      return setFailure({
        error: result.error,
        errorId: result.errorId,
        fields: result.fieldErrors,
      });
    setDone(result.data.itemCount);
    router.refresh();
  };

  const gapsError = failure?.fields?.acceptGaps;
  return (
    <form onSubmit={onSubmit} aria-label={t("disclosurePackage.build.submit")}>
      <div aria-live="polite">
        {done !== undefined && (
          <p className="success" role="status">
            {t("disclosurePackage.build.done", { count: done })}
          </p>
        )}
      </div>
      {pending && <p className="notice">{t("disclosurePackage.errors.pending")}</p>}
      {gaps && !pending && (
        <div className="field">
          <label className="choice">
            <input
              type="checkbox"
              checked={acceptGaps}
              onChange={(e) => setAcceptGaps(e.target.checked)}
              aria-invalid={gapsError ? true : undefined}
              aria-describedby={gapsError ? "accept-gaps-error" : undefined}
            />{" "}
            {t("disclosurePackage.panel.acceptGaps")}
          </label>
          <FieldError id="accept-gaps-error" message={gapsError} />
        </div>
      )}
      {!gapsError && <FormAlert error={failure?.error} errorId={failure?.errorId} />}
      <button type="submit" disabled={busy || pending} aria-busy={busy}>
        {busy
          ? t("disclosurePackage.build.working")
          : rebuild
            ? t("disclosurePackage.build.rebuild")
            : t("disclosurePackage.build.submit")}
      </button>
    </form>
  );
}
