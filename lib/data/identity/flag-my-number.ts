import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toLocale } from "@/lib/i18n/config";
import { schedulePurge } from "@/lib/identity/purge";
import { log } from "@/lib/log";
import { checkTransition } from "@/lib/requests/lifecycle";
import { applyTransition } from "@/lib/data/requests/transition";
import { deleteStoredFile } from "@/lib/storage/file-store";
import { MY_NUMBER_REASON, type TFlagMyNumber } from "@/lib/validation/identity-review";

import { findOpenableDocument } from "./document-access";
import { lockRequest, messageRequester, recordDecision } from "./record-decision";
import { myNumberMessage, resubmissionMessage } from "./requester-text";

/**
 * A document shows a My Number, which the organisation must not collect (マイナンバー法): the
 * row loses its keys and is marked, with its audit event, in one transaction, and the file is
 * deleted right after (the purge job, enqueued in the same transaction, deletes it again should
 * that fail). The requester is asked for a masked copy: a resubmission decision about this one
 * document while identity is still open, otherwise a message only.
 */
export async function flagMyNumber(options: { actor: Actor; input: TFlagMyNumber }) {
  const { actor, input } = options;
  const document = await findOpenableDocument(actor, input.documentId);
  if (!document) throw new AppError("NOT_FOUND");
  const { requestId, storageKey } = document;

  await getDb().$transaction(async (tx) => {
    const request = await lockRequest(tx, requestId);
    const now = new Date();
    const cleared = await tx.identityDocument.updateMany({
      where: { id: document.id, purgedAt: null },
      data: {
        storageKey: null,
        wrappedKey: null,
        purgedAt: now,
        purgeNote: "MY_NUMBER",
        myNumberFlaggedAt: now,
      },
    });
    if (cleared.count !== 1) throw new AppError("CONFLICT");
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "identity-document.flag-my-number",
      entityType: "IdentityDocument",
      entityId: document.id,
      requestId,
      ip: actor.ip,
      data: { kind: document.kind, owner: document.owner },
    });

    const locale = toLocale(request.locale);
    const explanation = myNumberMessage(locale);
    await messageRequester(tx, {
      actor,
      requestId,
      body: resubmissionMessage({ locale, reasons: [MY_NUMBER_REASON], message: explanation }),
    });
    if (checkTransition("requestResubmission", request.status).ok) {
      await recordDecision(tx, {
        actor,
        requestId,
        result: "RESUBMIT",
        reasons: [MY_NUMBER_REASON],
        note: explanation,
        purgeNote: "MY_NUMBER",
        storageKeys: [storageKey],
        keepOtherDocuments: true,
      });
      await applyTransition(tx, {
        requestId,
        name: "requestResubmission",
        actor,
        note: explanation,
      });
    } else {
      await schedulePurge(
        tx,
        { requestId, documentIds: [], note: "MY_NUMBER", storageKeys: [storageKey] },
        document.id,
      );
    }
  });

  try {
    await deleteStoredFile({ storageKey });
  } catch (error) {
    log.error("flagged document not deleted yet; the purge job retries", error, {
      documentId: document.id,
    });
  }
}
