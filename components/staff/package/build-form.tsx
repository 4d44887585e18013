"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { CheckboxField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useI18n } from "@/components/i18n/i18n-provider";
import { toast } from "@/components/ui/toast";
import { buildPackage } from "@/lib/actions/staff/build-package";
import type { MessageKey } from "@/lib/i18n/translate";

/**
 * Builds (or rebuilds) the package; the result is announced (a toast) and the panel reloads.
 * While a system's task is still open nothing can be built; when a system's data could not be
 * gathered, staff confirm that the package will say so.
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

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    const result = await buildPackage({ reference, acceptGaps });
    setBusy(false);
    if (!result.ok)
      return setFailure({
        error: result.error,
        errorId: result.errorId,
        fields: result.fieldErrors,
      });
    toast(t("disclosurePackage.build.done", { count: result.data.itemCount }));
    router.refresh();
  };

  const gapsError = failure?.fields?.acceptGaps;
  return (
    <form onSubmit={onSubmit} aria-label={t("disclosurePackage.build.submit")}>
      {pending && <p className="notice">{t("disclosurePackage.errors.pending")}</p>}
      {gaps && !pending && (
        <CheckboxField
          id="accept-gaps"
          label={t("disclosurePackage.panel.acceptGaps")}
          error={gapsError}
          checked={acceptGaps}
          onChange={(e) => setAcceptGaps(e.target.checked)}
        />
      )}
      {!gapsError && <FormAlert error={failure?.error} errorId={failure?.errorId} />}
      {/* Nothing to build while a task is open: the button stays disabled. */}
      <SubmitButton
        pending={busy}
        disabled={pending}
        pendingLabel={t("disclosurePackage.build.working")}
      >
        {rebuild ? t("disclosurePackage.build.rebuild") : t("disclosurePackage.build.submit")}
      </SubmitButton>
    </form>
  );
}
