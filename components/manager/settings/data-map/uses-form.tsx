"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Choice, ChoiceGroup } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useI18n } from "@/components/i18n/i18n-provider";
import { toast } from "@/components/ui/toast";
import { setSystemUses } from "@/lib/actions/manager/data-map/set-system-uses";
import type { MessageKey } from "@/lib/i18n/translate";

type Named = { id: string; name: string };

/**
 * Which categories one system holds for which purpose: a fieldset per purpose with a checkbox
 * per category. Saving replaces the system's whole map in one transaction, and says so in a toast.
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
  const [failure, setFailure] = useState<{ error?: MessageKey; errorId?: string }>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const pairs = new FormData(event.currentTarget).getAll("pair").map(String);
    setBusy(true);
    setFailure({});
    const result = await setSystemUses({ systemId: props.systemId, pairs });
    setBusy(false);
    if (!result.ok) return setFailure({ error: result.error, errorId: result.errorId });
    toast(t("settingsDataMap.systems.usesSaved"));
    router.refresh();
  }

  if (props.categories.length === 0 || props.purposes.length === 0)
    return <p>{t("settingsDataMap.systems.usesEmpty")}</p>;
  const chosen = new Set(props.pairs);
  return (
    <form onSubmit={(event) => void onSubmit(event)}>
      {props.purposes.map((purpose) => (
        <ChoiceGroup key={purpose.id} id={`uses-${purpose.id}`} legend={purpose.name}>
          {props.categories.map((category) => {
            const value = `${category.id}:${purpose.id}`;
            return (
              <Choice
                key={value}
                type="checkbox"
                name="pair"
                value={value}
                defaultChecked={chosen.has(value)}
                label={category.name}
              />
            );
          })}
        </ChoiceGroup>
      ))}
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={busy}>{t("settingsDataMap.save")}</SubmitButton>
    </form>
  );
}
