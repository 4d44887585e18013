"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { setSystemUses } from "@/lib/actions/manager/data-map/set-system-uses";
import type { MessageKey } from "@/lib/i18n/translate";

type Named = { id: string; name: string };

/**
 * Which categories one system holds for which purpose: a fieldset per purpose with a checkbox
 * per category. Saving replaces the system's whole map in one transaction.
 */
export function UsesForm(props: {
  systemId: string;
  categories: Named[];
  purposes: Named[];
  pairs: string[];
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [state, setState] = useState<{ saved?: boolean; error?: MessageKey; errorId?: string }>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const pairs = new FormData(event.currentTarget).getAll("pair").map(String);
    setBusy(true);
    setState({});
    const result = await setSystemUses({ systemId: props.systemId, pairs });
    setBusy(false);
    if (!result.ok) return setState({ error: result.error, errorId: result.errorId });
    setState({ saved: true });
    router.refresh();
  }

  if (props.categories.length === 0 || props.purposes.length === 0)
    return <p>{t("settingsDataMap.systems.usesEmpty")}</p>;
  const chosen = new Set(props.pairs);
  return (
    <form onSubmit={(event) => void onSubmit(event)}>
      {props.purposes.map((purpose) => (
        <fieldset key={purpose.id} className="field">
          <legend>{purpose.name}</legend>
          {props.categories.map((category) => {
            const value = `${category.id}:${purpose.id}`;
            return (
              <label key={value} className="choice">
                <input
                  type="checkbox"
                  name="pair"
                  value={value}
                  defaultChecked={chosen.has(value)}
                />
                {category.name}
              </label>
            );
          })}
        </fieldset>
      ))}
      <div aria-live="polite">
        {state.saved && <p className="success">{t("settingsDataMap.systems.usesSaved")}</p>}
      </div>
      <FormAlert error={state.error} errorId={state.errorId} />
      <button type="submit" disabled={busy}>
        {t("settingsDataMap.save")}
      </button>
    </form>
  );
}
