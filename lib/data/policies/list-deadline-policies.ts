import "server-only";

import { REQUEST_TYPES } from "@/lib/requests/vocabulary";
import type { Actor } from "@/lib/auth/actor";
import { validatePolicy } from "@/lib/deadlines/policy";
import { getDb } from "@/lib/db";

import { requirePolicyConfigure } from "./policy-rules";
import { JURISDICTIONS } from "@/lib/validation/policies-config";

const ORDER = (list: readonly string[], value: string | null) =>
  value === null ? -1 : list.indexOf(value);

/**
 * Every deadline policy, the jurisdiction's base row first and its per-type rows after it, with
 * the advice (warnings) the deadline rules give on the saved values.
 */
export async function listDeadlinePolicies(options: { actor: Actor }) {
  requirePolicyConfigure(options.actor);
  const rows = await getDb().deadlinePolicy.findMany({
    select: {
      id: true,
      jurisdiction: true,
      requestType: true,
      amount: true,
      unit: true,
      extensionAmount: true,
      extensionUnit: true,
      ackAmount: true,
      ackUnit: true,
      pauseAllowed: true,
      noteJa: true,
      noteEn: true,
      updatedAt: true,
    },
  });
  rows.sort(
    (a, b) =>
      ORDER(JURISDICTIONS, a.jurisdiction) - ORDER(JURISDICTIONS, b.jurisdiction) ||
      ORDER(REQUEST_TYPES, a.requestType) - ORDER(REQUEST_TYPES, b.requestType),
  );
  return rows.map((row) => ({
    ...row,
    warnings: validatePolicy(row).warnings,
  }));
}

export type DeadlinePolicyRow = Awaited<ReturnType<typeof listDeadlinePolicies>>[number];
