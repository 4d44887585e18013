import type { RecipientClass } from "@/lib/generated/prisma/enums";

import type { TLedgerFilter } from "./filter";

// The ledger form's recipient list follows its recipient class: the page renders the list of the
// class in the URL, and components/ledger/recipient-options.tsx narrows it as the class changes.
// Type imports only: the browser bundle takes this file as it is (no zod).

export interface RecipientChoice {
  key: string;
  name: string;
  recipientClass: RecipientClass;
}

/**
 * The recipients to offer for a class ("" or none: every one), grouped by class in the order
 * they come (the caller sorts them).
 */
export function recipientGroups<T extends RecipientChoice>(
  recipients: readonly T[],
  recipientClass: string | undefined,
): { recipientClass: RecipientClass; recipients: T[] }[] {
  const groups = new Map<RecipientClass, T[]>();
  for (const r of recipients)
    if (!recipientClass || r.recipientClass === recipientClass)
      groups.set(r.recipientClass, [...(groups.get(r.recipientClass) ?? []), r]);
  return [...groups].map(([c, list]) => ({ recipientClass: c, recipients: list }));
}

/**
 * A recipient of another class than the one chosen (a form sent without JavaScript after the class
 * was changed, or an edited URL) would match nothing, and the narrowed list could not show it as
 * chosen: it is left out of the filter, with the reason for the page to say.
 */
export function keepRecipientInClass(
  filter: TLedgerFilter,
  recipients: readonly RecipientChoice[],
): { filter: TLedgerFilter; error?: "ledger.filter.recipientOtherClass" } {
  const chosen = recipients.find((r) => r.key === filter.recipient);
  if (!filter.recipientClass || !chosen || chosen.recipientClass === filter.recipientClass)
    return { filter };
  const kept = { ...filter };
  delete kept.recipient;
  return { filter: kept, error: "ledger.filter.recipientOtherClass" };
}
