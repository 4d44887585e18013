"use client";

import { useEffect, useState } from "react";

import { useI18n } from "@/components/i18n/i18n-provider";
import { recipientGroups, type RecipientChoice } from "@/lib/ledger/recipient-choice";

/**
 * The options of the ledger form's recipient select, narrowed to the class chosen in its class
 * select. The server renders them for the class in the URL (the form works without JavaScript);
 * in the browser they follow the class select as it changes, and a chosen recipient of another
 * class goes back to "any". The selects, their labels and "any" stay server-rendered, so this is
 * the only part of the form that hydrates.
 */
export function RecipientOptions(props: {
  /** In the order to show them, grouped by class. */
  recipients: RecipientChoice[];
  recipientClass?: string;
  classSelectId: string;
  recipientSelectId: string;
}) {
  const { t } = useI18n();
  const [recipientClass, setRecipientClass] = useState(props.recipientClass ?? "");
  const { recipients, classSelectId, recipientSelectId } = props;

  useEffect(() => {
    const classSelect = document.getElementById(classSelectId);
    const recipientSelect = document.getElementById(recipientSelectId);
    if (!(classSelect instanceof HTMLSelectElement)) return;
    if (!(recipientSelect instanceof HTMLSelectElement)) return;
    const follow = () => {
      const chosen = recipients.find((r) => r.key === recipientSelect.value);
      if (chosen && classSelect.value && chosen.recipientClass !== classSelect.value)
        recipientSelect.value = "";
      setRecipientClass(classSelect.value);
    };
    // The browser may have restored the form (back button) to another class than the URL's.
    follow();
    classSelect.addEventListener("change", follow);
    return () => classSelect.removeEventListener("change", follow);
  }, [recipients, classSelectId, recipientSelectId]);

  return recipientGroups(recipients, recipientClass).map((group) => (
    <optgroup key={group.recipientClass} label={t(`recipientClass.${group.recipientClass}`)}>
      {group.recipients.map((r) => (
        <option key={r.key} value={r.key}>
          {r.name}
        </option>
      ))}
    </optgroup>
  ));
}
