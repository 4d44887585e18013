import "server-only";

import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { applyTransition } from "@/lib/data/requests/transition";

/**
 * A document arriving while the request waits for identity documents (staff asked for them, or
 * for new ones) hands the request back to staff: AWAITING_IDENTITY → IDENTITY_REVIEW, in the
 * upload's transaction (the upload has locked the request row). Any other status stays as it is.
 */
export async function resumeIdentityReview(
  tx: Tx,
  input: { requestId: string; actor: Pick<Actor, "userId" | "role" | "ip"> },
): Promise<boolean> {
  const request = await tx.request.findUnique({
    where: { id: input.requestId },
    select: { status: true },
  });
  if (request?.status !== "AWAITING_IDENTITY") return false;
  await applyTransition(tx, {
    requestId: input.requestId,
    name: "identityDocumentsReceived",
    actor: input.actor,
  });
  return true;
}
