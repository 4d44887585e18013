import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fanOutTasks } from "@/lib/fulfilment/engine/fan-out";
import type { MessageKey } from "@/lib/i18n/translate";
import { requestIdFor } from "@/lib/data/requests/request-id";
import { applyTransition } from "@/lib/data/requests/transition";
import { requiredChecks, type TIdentityChecks } from "@/lib/validation/identity-review";
import type { TVerifyIdentity } from "@/lib/validation/requests";

import { lockRequest, recordDecision } from "./record-decision";

/**
 * Staff record that the requester's identity was verified, with what they checked; the request
 * moves to fulfilment and the documents it was verified on are destroyed by the purge job.
 * An agent's request needs all three checks (the person, the agent, the authority): the rule is
 * read from the request itself, whatever the form sent.
 */
export async function verifyIdentity(options: {
  actor: Actor;
  input: TVerifyIdentity & { checks?: TIdentityChecks };
}) {
  const { actor, input } = options;
  if (!can(actor.role, "request:verify-identity")) throw new AppError("FORBIDDEN");
  const requestId = await requestIdFor(actor, input.reference);
  await getDb().$transaction(async (tx) => {
    const request = await lockRequest(tx, requestId);
    const needed = requiredChecks(request.filerRole);
    // Callers without a checklist (older paths) may only verify a person filing for themselves.
    if (input.checks || request.filerRole !== "SELF") {
      const missing = needed.filter((check) => !input.checks?.[check]);
      if (missing.length > 0) {
        const fields: Record<string, MessageKey> = Object.fromEntries(
          missing.map((check) => [`checks.${check}`, "review.errors.check"]),
        );
        throw new AppError("INVALID_INPUT", "review.errors.checksRequired", fields);
      }
    }
    const checks = input.checks
      ? Object.fromEntries(needed.map((check) => [check, input.checks![check]]))
      : {};
    await recordDecision(tx, { actor, requestId, result: "VERIFIED", checks, note: input.note });
    // The note is staff's own (kept on the decision); the requester's timeline gets none.
    await applyTransition(tx, { requestId, name: "verifyIdentity", actor });
    await fanOutTasks(tx, { requestId, actor });
  });
}
