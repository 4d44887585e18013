// Extensions: where the law allows one (EU, UK +2 months; US-CA +45 days), once, with the
// notice inside the first period. Pure; refusals are catalogue keys.

import { endOfLocalDay, localDate, zoneFor, type TimeZone } from "./calendar";
import type { Policy } from "./engine";
import { periodFor } from "./holidays";

/** Catalogue keys (lib/i18n/messages/sections/deadlines.ts) for refusals and warnings. */
export type ExtensionRefusal =
  | "deadlines.extension.notAllowed"
  | "deadlines.extension.alreadyExtended"
  | "deadlines.extension.noticeTooLate"
  | "deadlines.extension.beyondMaximum"
  | "deadlines.extension.notLater";

export type ExtensionCheck =
  { allowed: true; maxDueAt: Date; dueAt: Date } | { allowed: false; reason: ExtensionRefusal };

/** The latest date an extension may set: the period and its extension counted from receipt. */
function maximumExtendedDue(
  policy: Policy,
  receivedAt: Date,
  dueAt: Date,
  zone: TimeZone,
): Date | null {
  if (!policy.extensionAmount || !policy.extensionUnit) return null;
  const extension = { amount: policy.extensionAmount, unit: policy.extensionUnit };
  // One month + two months from receipt is three months (Jan 31 → Apr 30), not Feb 28 + 2 months.
  const combined =
    policy.unit === policy.extensionUnit
      ? periodFor(
          policy.jurisdiction,
          receivedAt,
          { amount: policy.amount + policy.extensionAmount, unit: policy.unit },
          zone,
        )
      : periodFor(
          policy.jurisdiction,
          periodFor(policy.jurisdiction, receivedAt, policy, zone),
          extension,
          zone,
        );
  // Time the clock stood still (UK) is added to the extended period as well.
  const paused =
    dueAt.getTime() - periodFor(policy.jurisdiction, receivedAt, policy, zone).getTime();
  if (paused <= 0) return combined;
  return endOfLocalDay(localDate(new Date(combined.getTime() + paused), zone), zone);
}

/**
 * Whether an extension may be made: the policy must provide one (EU, UK +2 months; US-CA +45
 * days), only once, with the notice inside the first period (before the unextended due date), and
 * to a date after that due date and no later than the legal maximum.
 */
export function checkExtension(input: {
  policy: Policy;
  /** Where the count began: receipt, or (UK) the identity's arrival. */
  receivedAt: Date;
  /** The jurisdiction's zone (the member state's for the GDPR); its own by default. */
  zone?: TimeZone;
  /** The due date before the extension, pauses included. */
  dueAt: Date;
  priorExtensions: number;
  noticeAt: Date;
  newDueAt?: Date | null;
}): ExtensionCheck {
  const { policy, receivedAt, dueAt, noticeAt } = input;
  const zone = input.zone ?? zoneFor(policy.jurisdiction);
  const maxDueAt = maximumExtendedDue(policy, receivedAt, dueAt, zone);
  if (!maxDueAt) return { allowed: false, reason: "deadlines.extension.notAllowed" };
  if (input.priorExtensions > 0)
    return { allowed: false, reason: "deadlines.extension.alreadyExtended" };
  if (noticeAt.getTime() > dueAt.getTime() || noticeAt.getTime() < receivedAt.getTime()) {
    return { allowed: false, reason: "deadlines.extension.noticeTooLate" };
  }
  const wanted = input.newDueAt ?? maxDueAt;
  if (wanted.getTime() > maxDueAt.getTime()) {
    return { allowed: false, reason: "deadlines.extension.beyondMaximum" };
  }
  if (wanted.getTime() <= dueAt.getTime()) {
    return { allowed: false, reason: "deadlines.extension.notLater" };
  }
  return { allowed: true, maxDueAt, dueAt: wanted };
}
