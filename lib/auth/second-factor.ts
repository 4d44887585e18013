import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";

import { STAFF_ROLES } from "./permissions";

// The second factor (issue 13): staff, managers and admins sign in with the mail link and then a
// passkey (or, once, a recovery code); until then their session acts as nobody. The sensitive
// operations (identity documents, packages, approvals, every settings change) also need a passkey
// assertion in the last STEP_UP_MS, whatever the role.

export const STEP_UP_MS = 10 * 60 * 1000;

/** Roles whose sessions need a passkey (or a recovery code) before they act. */
export function needsSecondFactor(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}

/** Whether a session of this role has passed its second factor. */
export function secondFactorDone(
  role: Role,
  session: { passkeyAt: Date | null; recoveredAt: Date | null },
): boolean {
  return !needsSecondFactor(role) || !!session.passkeyAt || !!session.recoveredAt;
}

/** Whether `at` (a passkey or recovery-code use) lies within the step-up window. */
export function withinStepUp(at: Date | null, now: Date = new Date()): boolean {
  return !!at && now.getTime() - at.getTime() <= STEP_UP_MS;
}

export function hasRecentPasskey(
  actor: { passkeyAt: Date | null },
  now: Date = new Date(),
): boolean {
  return withinStepUp(actor.passkeyAt, now);
}

/** Throws STEP_UP_REQUIRED unless a passkey was asserted in this session in the last 10 minutes. */
export function assertRecentPasskey(actor: { passkeyAt: Date | null }, now: Date = new Date()) {
  if (!hasRecentPasskey(actor, now)) throw new AppError("STEP_UP_REQUIRED");
}
