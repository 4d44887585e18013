import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

import { requirePolicyConfigure } from "./policy-rules";

/** The organisation's fees per request (APPI Art.38), as the fees form shows them. */
export async function getFees(options: { actor: Actor }) {
  requirePolicyConfigure(options.actor);
  const org = await getDb().organisation.findFirst({
    select: { disclosureFeeYen: true, purposeNotificationFeeYen: true },
  });
  if (!org) throw new AppError("NOT_FOUND");
  return org;
}
