"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { useI18n } from "@/components/i18n/i18n-provider";
import { claimRequest } from "@/lib/actions/staff/claim-request";
import type { MessageKey } from "@/lib/i18n/translate";

/** Claims a request for the signed-in staff member; someone else's earlier claim is a conflict. */
export function ClaimButton({ reference }: { reference: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<{ error: MessageKey; errorId?: string }>();
  const claim = () =>
    startTransition(async () => {
      setFailure(undefined);
      const result = await claimRequest({ reference });
      if (result.ok) return router.refresh();
      setFailure({ error: result.error, errorId: result.errorId });
    });
  return (
    <>
      <button
        type="button"
        data-claim
        onClick={claim}
        disabled={pending}
        aria-label={t("queue.claim.label", { reference })}
      >
        {t("queue.claim.button")}
      </button>
      <div aria-live="polite">
        {failure && (
          <p className="alert" role="alert">
            {t(failure.error)}
            {failure.errorId && <small> {t("errors.errorId", { id: failure.errorId })}</small>}
          </p>
        )}
      </div>
    </>
  );
}
