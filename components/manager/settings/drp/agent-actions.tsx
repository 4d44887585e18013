"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Dialog } from "@/components/ui/dialog";
import { revokeDrpAgent } from "@/lib/actions/manager/drp/revoke-drp-agent";
import type { MessageKey } from "@/lib/i18n/translate";

/**
 * Revokes an agent, asking first in a dialog that says what follows: its requests and queries are
 * refused from then on, and it cannot be undone.
 */
export function AgentActions(props: { id: string; agentId: string; name: string }) {
  const { id, agentId, name } = props;
  const { t } = useI18n();
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [pending, startTransition] = useTransition();
  const [revoked, setRevoked] = useState(false);
  const [failure, setFailure] = useState<{ error: MessageKey; errorId?: string }>();

  const revoke = () =>
    startTransition(async () => {
      setFailure(undefined);
      const result = await revokeDrpAgent({ id });
      setAsking(false);
      if (!result.ok) return setFailure({ error: result.error, errorId: result.errorId });
      setRevoked(true);
      router.refresh();
    });

  return (
    <div role="group" aria-label={t("drp.agentActions", { agentId })}>
      <button
        type="button"
        className="danger"
        disabled={pending || revoked}
        onClick={() => setAsking(true)}
      >
        {t("drp.revoke")}
      </button>
      <Dialog
        open={asking}
        onClose={() => setAsking(false)}
        title={t("drp.revokeDialogTitle", { name, agentId })}
        closeLabel={t("drp.close")}
        actions={
          <>
            <button type="button" className="secondary" onClick={() => setAsking(false)}>
              {t("drp.cancel")}
            </button>
            <button type="button" className="danger" disabled={pending} onClick={revoke}>
              {t("drp.confirmRevoke")}
            </button>
          </>
        }
      >
        <p>{t("drp.revokeDialogBody")}</p>
      </Dialog>
      <div aria-live="polite">{revoked && <p className="success">{t("drp.revoked")}</p>}</div>
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
    </div>
  );
}
