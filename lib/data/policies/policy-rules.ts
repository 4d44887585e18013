import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { validatePolicy } from "@/lib/deadlines/policy";
import { AppError } from "@/lib/errors";
import type { Jurisdiction } from "@/lib/generated/prisma/enums";
import type { MessageKey } from "@/lib/i18n/translate";
import type { TDeadlineOverrideCreate } from "@/lib/validation/policies-config";

export type PolicyValues = Omit<TDeadlineOverrideCreate, "requestType" | "jurisdiction">;

export function requirePolicyConfigure(actor: Actor) {
  if (!can(actor.role, "policy:configure")) throw new AppError("FORBIDDEN");
}

/**
 * The deadline rules again on the server, against the jurisdiction stored (not the one the form
 * sent): a refusal comes back as field errors the form shows beside the field.
 */
export function assertPolicyRules(jurisdiction: Jurisdiction, values: PolicyValues) {
  const { errors } = validatePolicy({ ...values, jurisdiction });
  if (errors.length === 0) return;
  const fieldErrors: Record<string, MessageKey> = {};
  for (const issue of errors) fieldErrors[issue.field] ??= issue.key as MessageKey;
  throw new AppError("INVALID_INPUT", errors[0]!.key as MessageKey, fieldErrors);
}

/** The columns a form writes, nothing else (never the jurisdiction or type of an existing row). */
export function policyColumns(values: PolicyValues) {
  return {
    amount: values.amount,
    unit: values.unit,
    extensionAmount: values.extensionAmount,
    extensionUnit: values.extensionUnit,
    ackAmount: values.ackAmount,
    ackUnit: values.ackUnit,
    pauseAllowed: values.pauseAllowed,
    noteJa: values.noteJa,
    noteEn: values.noteEn,
  };
}

/** What the audit event keeps of a rule: amounts and enum values, never the free-text notes. */
export function policyAuditData(values: PolicyValues) {
  return {
    amount: values.amount,
    unit: values.unit,
    extensionAmount: values.extensionAmount,
    extensionUnit: values.extensionUnit,
    ackAmount: values.ackAmount,
    ackUnit: values.ackUnit,
    pauseAllowed: values.pauseAllowed,
  };
}
