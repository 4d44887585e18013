"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { deleteCategory } from "@/lib/actions/manager/data-map/delete-category";
import { deletePurpose } from "@/lib/actions/manager/data-map/delete-purpose";
import { deleteRecipient } from "@/lib/actions/manager/data-map/delete-recipient";
import type { MessageKey } from "@/lib/i18n/translate";

const ACTIONS = { category: deleteCategory, purpose: deletePurpose, recipient: deleteRecipient };

/**
 * Deletes an entry after a confirmation, then goes back to the list. The server refuses while
 * anything refers to the entry; its translated reason is shown here.
 */
export function DeleteButton(props: {
  kind: keyof typeof ACTIONS;
  id: string;
  name: string;
  listHref: string;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ error?: MessageKey; errorId?: string }>({});

  async function onClick() {
    if (!window.confirm(t("settingsDataMap.confirmDelete", { name: props.name }))) return;
    setBusy(true);
    setError({});
    const result = await ACTIONS[props.kind]({ id: props.id });
    setBusy(false);
    if (!result.ok) return setError({ error: result.error, errorId: result.errorId });
    router.push(props.listHref);
    router.refresh();
  }

  return (
    <div className="panel">
      <button type="button" className="danger" disabled={busy} onClick={() => void onClick()}>
        {t("settingsDataMap.delete")}
      </button>
      <FormAlert error={error.error} errorId={error.errorId} />
    </div>
  );
}
