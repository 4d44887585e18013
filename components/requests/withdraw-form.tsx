"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Dialog } from "@/components/ui/dialog";
import { withdrawRequest } from "@/lib/actions/requests/withdraw-request";
import type { MessageKey } from "@/lib/i18n/translate";

/**
 * Withdrawing is destructive and final: the button asks again in a dialog that says so, and only
 * its confirm sends the request (with `confirm: true`, which the server's schema requires), so a
 * stray click never ends a request.
 */
export function WithdrawForm({ reference }: { reference: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<{ error: MessageKey; errorId?: string }>();

  const withdraw = () =>
    startTransition(async () => {
      setFailure(undefined);
      const result = await withdrawRequest({ reference, confirm: true });
      setAsking(false);
      if (result.ok) return router.refresh();
      setFailure({ error: result.error, errorId: result.errorId });
    });

  return (
    <section className="panel" aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">{t("request.withdrawTitle")}</h2>
      <p>{t("request.withdrawIntro")}</p>
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        {t("request.withdrawSubmit")}
      </button>
      <Dialog
        open={asking}
        onClose={() => setAsking(false)}
        title={t("request.withdrawDialogTitle", { reference })}
        closeLabel={t("request.withdrawClose")}
        actions={
          <>
            <button type="button" className="secondary" onClick={() => setAsking(false)}>
              {t("request.withdrawCancel")}
            </button>
            <button type="button" className="danger" disabled={pending} onClick={withdraw}>
              {t("request.withdrawSubmit")}
            </button>
          </>
        }
      >
        <p>{t("request.withdrawDialogBody")}</p>
      </Dialog>
    </section>
  );
}
