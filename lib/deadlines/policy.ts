// Validation of a deadline policy before it is saved: refusals (errors) and advice (warnings),
// both as catalogue keys (lib/i18n/messages/sections/deadlines.ts). Pure.

import type { Jurisdiction } from "@/lib/generated/prisma/enums";

import type { DeadlineRule, Unit } from "./compute";
import { periodFor, type Policy } from "./engine";

export type PolicyField = "amount" | "extensionAmount" | "ackAmount" | "pauseAllowed";

export interface PolicyIssue {
  field: PolicyField;
  key: `deadlines.policy.${string}`;
}

/** The most each law allows (DOMAIN.md); JP's is an internal SLA, advised against 14 days. */
const LEGAL_MAXIMUM: Partial<Record<Jurisdiction, DeadlineRule>> = {
  EU: { amount: 1, unit: "MONTHS" },
  UK: { amount: 1, unit: "MONTHS" },
  US_CA: { amount: 45, unit: "CALENDAR_DAYS" },
  KR: { amount: 10, unit: "CALENDAR_DAYS" },
  BR: { amount: 15, unit: "CALENDAR_DAYS" },
};
const EXTENSION_MAXIMUM: Partial<Record<Jurisdiction, DeadlineRule>> = {
  EU: { amount: 2, unit: "MONTHS" },
  UK: { amount: 2, unit: "MONTHS" },
  US_CA: { amount: 45, unit: "CALENDAR_DAYS" },
};
/** PIPA (KR) lets the controller postpone with notice of the grounds but names no period. */
const EXTENSION_IN_LAW: ReadonlySet<Jurisdiction> = new Set(["EU", "UK", "US_CA", "KR"]);
const ACK_MAXIMUM: Partial<Record<Jurisdiction, DeadlineRule>> = {
  US_CA: { amount: 10, unit: "BUSINESS_DAYS" },
};
/** Only the UK stops the clock while clarification or identity is awaited. */
const PAUSE_IN_LAW: ReadonlySet<Jurisdiction> = new Set(["UK"]);
/** Longest configurable period, so a typo cannot push a date out by centuries. */
const MAX_DAYS = 366;

// Every receipt day of 2027-2028 (a leap year; Golden Week, New Year and substitute holidays):
// a rule is compared with a maximum on each, so units can differ (business days vs calendar days).
const SAMPLE_DAYS: readonly Date[] = Array.from(
  { length: 731 },
  (_, i) => new Date(Date.UTC(2027, 0, 1, 3) + i * 24 * 60 * 60 * 1000),
);

function exceeds(jurisdiction: Jurisdiction, rule: DeadlineRule, max: DeadlineRule): boolean {
  if (rule.unit === max.unit) return rule.amount > max.amount;
  return SAMPLE_DAYS.some(
    (day) =>
      periodFor(jurisdiction, day, rule).getTime() > periodFor(jurisdiction, day, max).getTime(),
  );
}

function tooLong(amount: number, unit: Unit): boolean {
  return unit === "MONTHS" ? amount > 12 : amount > MAX_DAYS;
}

function checkAmount(
  field: PolicyField,
  amount: number,
  unit: Unit,
  issues: PolicyIssue[],
): boolean {
  // Zero or less would put the deadline on or before the day of receipt.
  if (!Number.isInteger(amount) || amount <= 0) {
    issues.push({ field, key: "deadlines.policy.amountPositive" });
    return false;
  }
  if (tooLong(amount, unit)) {
    issues.push({ field, key: "deadlines.policy.amountTooLarge" });
    return false;
  }
  return true;
}

type PolicyInput = Omit<Policy, "requestType">;

/**
 * Refuses a policy whose amounts are not positive whole numbers (a deadline on or before receipt),
 * half an extension or acknowledgement rule, a period, extension or acknowledgement longer than
 * the law allows, an extension where the law has none, or a pause where the law has none. Warns
 * when a JP SLA can reach the two weeks after which the person may sue (APPI Art.39).
 */
export function validatePolicy(policy: PolicyInput): {
  errors: PolicyIssue[];
  warnings: PolicyIssue[];
} {
  const errors: PolicyIssue[] = [];
  const warnings: PolicyIssue[] = [];
  const j = policy.jurisdiction;
  const rule = { amount: policy.amount, unit: policy.unit };

  if (checkAmount("amount", policy.amount, policy.unit, errors)) {
    const max = LEGAL_MAXIMUM[j];
    if (max && exceeds(j, rule, max))
      errors.push({ field: "amount", key: "deadlines.policy.beyondLegalMaximum" });
    if (j === "JP" && exceeds(j, rule, { amount: 13, unit: "CALENDAR_DAYS" })) {
      warnings.push({ field: "amount", key: "deadlines.policy.jpTwoWeeks" });
    }
  }

  if ((policy.extensionAmount === null) !== (policy.extensionUnit === null)) {
    errors.push({ field: "extensionAmount", key: "deadlines.policy.incomplete" });
  } else if (policy.extensionAmount !== null && policy.extensionUnit !== null) {
    const max = EXTENSION_MAXIMUM[j];
    if (!EXTENSION_IN_LAW.has(j)) {
      errors.push({ field: "extensionAmount", key: "deadlines.policy.noExtensionInLaw" });
    } else if (
      checkAmount("extensionAmount", policy.extensionAmount, policy.extensionUnit, errors)
    ) {
      const ext = { amount: policy.extensionAmount, unit: policy.extensionUnit };
      if (max && exceeds(j, ext, max)) {
        errors.push({ field: "extensionAmount", key: "deadlines.policy.beyondLegalMaximum" });
      }
    }
  }

  if ((policy.ackAmount === null) !== (policy.ackUnit === null)) {
    errors.push({ field: "ackAmount", key: "deadlines.policy.incomplete" });
  } else if (policy.ackAmount !== null && policy.ackUnit !== null) {
    if (checkAmount("ackAmount", policy.ackAmount, policy.ackUnit, errors)) {
      const ack = { amount: policy.ackAmount, unit: policy.ackUnit };
      const max = ACK_MAXIMUM[j];
      if (max && exceeds(j, ack, max))
        errors.push({ field: "ackAmount", key: "deadlines.policy.beyondLegalMaximum" });
      else if (exceeds(j, ack, rule))
        errors.push({ field: "ackAmount", key: "deadlines.policy.ackAfterDue" });
    }
  }

  if (policy.pauseAllowed && !PAUSE_IN_LAW.has(j)) {
    errors.push({ field: "pauseAllowed", key: "deadlines.policy.pauseNotInLaw" });
  }
  return { errors, warnings };
}
