import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requestIdFor } from "@/lib/data/requests/request-id";
import { toLocale } from "@/lib/i18n/config";
import { applyTransition } from "@/lib/data/requests/transition";
import type { TCloseUnverifiable } from "@/lib/validation/identity-review";

import { lockRequest, recordDecision } from "./record-decision";
import { unverifiableNote } from "./requester-text";

/**
 * Identity cannot be verified: the request closes with the outcome UNVERIFIABLE. The reason and
 * the explanation become the outcome note the requester reads (in the request's language);
 * the decision, its audit event, the transition and the purge commit together.
 */
export async function closeUnverifiable(options: { actor: Actor; input: TCloseUnverifiable }) {
  const { actor, input } = options;
  if (!can(actor.role, "request:verify-identity")) throw new AppError("FORBIDDEN");
  const requestId = await requestIdFor(actor, input.reference);
  await getDb().$transaction(async (tx) => {
    const request = await lockRequest(tx, requestId);
    await recordDecision(tx, {
      actor,
      requestId,
      result: "UNVERIFIABLE",
      reasons: [input.reason],
      note: input.explanation,
    });
    await applyTransition(tx, {
      requestId,
      name: "closeUnverifiable",
      actor,
      outcome: "UNVERIFIABLE",
      // Kept with the request as the basis for not answering (records of requests, DOMAIN.md).
      refusalGrounds: ["IDENTITY_NOT_VERIFIED"],
      note: unverifiableNote({
        locale: toLocale(request.locale),
        reason: input.reason,
        explanation: input.explanation,
      }),
    });
  });
}
