import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requestIdFor } from "@/lib/data/requests/request-id";
import { toLocale } from "@/lib/i18n/config";
import { applyTransition } from "@/lib/data/requests/transition";
import type { TRequestResubmission } from "@/lib/validation/identity-review";

import { lockRequest, messageRequester, recordDecision } from "./record-decision";
import { resubmissionMessage } from "./requester-text";

/**
 * The documents do not do: staff say what is wrong (coded reasons) and write to the requester.
 * In one transaction: the decision, its audit event, the message the requester reads on their
 * page (reasons translated into the request's language), the move back to AWAITING_IDENTITY
 * (which mails them) and the purge of the documents judged.
 */
export async function requestResubmission(options: { actor: Actor; input: TRequestResubmission }) {
  const { actor, input } = options;
  if (!can(actor.role, "request:verify-identity")) throw new AppError("FORBIDDEN");
  const requestId = await requestIdFor(actor, input.reference);
  await getDb().$transaction(async (tx) => {
    const request = await lockRequest(tx, requestId);
    await recordDecision(tx, {
      actor,
      requestId,
      result: "RESUBMIT",
      reasons: input.reasons,
      note: input.message,
    });
    await messageRequester(tx, {
      actor,
      requestId,
      body: resubmissionMessage({
        locale: toLocale(request.locale),
        reasons: input.reasons,
        message: input.message,
      }),
    });
    await applyTransition(tx, {
      requestId,
      name: "requestResubmission",
      actor,
      note: input.message,
    });
  });
}
