"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { StackTable } from "@/components/ui/stack-table";
import { removePasskey } from "@/lib/actions/auth/passkeys";
import type { MessageKey } from "@/lib/i18n/translate";

export interface PasskeyRow {
  id: string;
  name: string;
  created: string;
  lastUsed: string | null;
  backedUp: boolean;
}

/** The account's passkeys, each with its remove button. */
export function PasskeyList({ passkeys }: { passkeys: PasskeyRow[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const [failure, setFailure] = useState<{ error: MessageKey; errorId?: string }>();
  const [removed, setRemoved] = useState(false);

  async function remove(passkeyId: string) {
    setFailure(undefined);
    setRemoved(false);
    const result = await removePasskey({ passkeyId });
    if (!result.ok) return setFailure(result);
    setRemoved(true);
    router.refresh();
  }

  if (passkeys.length === 0) return <p>{t("passkeys.none")}</p>;
  return (
    <>
      <StackTable
        caption={t("passkeys.passkeysCaption")}
        columns={[
          t("passkeys.column.name"),
          t("passkeys.column.created"),
          t("passkeys.column.lastUsed"),
          t("passkeys.column.synced"),
          t("passkeys.column.actions"),
        ]}
      >
        {passkeys.map((p) => (
          <tr key={p.id}>
            <th scope="row">{p.name}</th>
            <td>{p.created}</td>
            <td>{p.lastUsed ?? t("passkeys.never")}</td>
            <td>{p.backedUp ? t("passkeys.syncedYes") : t("passkeys.syncedNo")}</td>
            <td>
              <button
                type="button"
                className="secondary"
                aria-label={t("passkeys.removeLabel", { name: p.name })}
                onClick={() => void remove(p.id)}
              >
                {t("passkeys.remove")}
              </button>
            </td>
          </tr>
        ))}
      </StackTable>
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
      {removed && <p role="status">{t("passkeys.removed")}</p>}
    </>
  );
}
