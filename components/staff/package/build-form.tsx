"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { buildPackage } from "@/lib/actions/staff/build-package";
import type { MessageKey } from "@/lib/i18n/translate";

/** Builds (or rebuilds) the package; the result is announced and the panel reloads. */
export function BuildForm({ reference, rebuild }: { reference: string; rebuild: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ error: MessageKey; errorId?: string }>();
  const [done, setDone] = useState<number>();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    setDone(undefined);
    const result = await buildPackage({ reference });
    setBusy(false);
    if (!result.ok) return setFailure({ error: result.error, errorId: result.errorId });
    setDone(result.data.itemCount);
    router.refresh();
  };

  return (
    <form onSubmit={onSubmit} aria-label={t("disclosurePackage.build.submit")}>
      <div aria-live="polite">
        {done !== undefined && (
          <p className="success" role="status">
            {t("disclosurePackage.build.done", { count: done })}
          </p>
        )}
      </div>
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
      <button type="submit" disabled={busy} aria-busy={busy}>
        {busy
          ? t("disclosurePackage.build.working")
          : rebuild
            ? t("disclosurePackage.build.rebuild")
            : t("disclosurePackage.build.submit")}
      </button>
    </form>
  );
}
