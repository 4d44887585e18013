import type { PgBoss } from "pg-boss";

import { recordAudit } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/db";
import { QUEUES, sendInTx } from "@/lib/jobs/boss";
import { deleteStoredFile } from "@/lib/storage/file-store";

// Identity documents are kept only until identity is decided (DOMAIN.md: minimise): the decision
// enqueues this job in its own transaction, and the job destroys the encrypted files. The row
// stays with its hash, kind and the reason it was destroyed (review.purgeNote.<code>).

/** Why a document was destroyed: the decision's result, or a My Number seen on it. */
export type PurgeNote = "VERIFIED" | "RESUBMIT" | "UNVERIFIABLE" | "MY_NUMBER";

export interface DocumentPurgeJob {
  requestId: string;
  documentIds: string[];
  note: PurgeNote;
  /**
   * Files whose rows were already cleared (a flagged My Number): deleted here in case the
   * immediate deletion failed. Random file names only, never a key or personal data.
   */
  storageKeys?: string[];
}

/** Enqueues the purge in the decision's transaction: both commit, or neither does. */
export async function schedulePurge(tx: Tx, job: DocumentPurgeJob, key: string): Promise<void> {
  if (job.documentIds.length === 0 && !job.storageKeys?.length) return;
  await sendInTx(tx, QUEUES.documentPurge, job, { singletonKey: `purge-${key}` });
}

/**
 * Destroys the documents' files, then clears their keys and records when and why, one document
 * at a time. Safe to run again: the file is deleted first (deleting a missing file is no error),
 * and a row already purged is left as it is, with no second audit event.
 */
export async function purgeDocuments(db: Db, job: DocumentPurgeJob): Promise<number> {
  let purged = 0;
  for (const id of job.documentIds) {
    const document = await db.identityDocument.findUnique({
      where: { id },
      select: { id: true, requestId: true, kind: true, storageKey: true, purgedAt: true },
    });
    // Gone with its request (cascade): nothing is left to destroy.
    if (!document) continue;
    if (document.storageKey) await deleteStoredFile({ storageKey: document.storageKey });
    if (document.purgedAt) continue;
    const done = await db.$transaction(async (tx) => {
      const updated = await tx.identityDocument.updateMany({
        where: { id, purgedAt: null },
        data: { storageKey: null, wrappedKey: null, purgedAt: new Date(), purgeNote: job.note },
      });
      if (updated.count !== 1) return false;
      await recordAudit(tx, {
        actorId: null,
        actorRole: null,
        action: "identity-document.purge",
        entityType: "IdentityDocument",
        entityId: id,
        requestId: document.requestId,
        data: { kind: document.kind, note: job.note },
      });
      return true;
    });
    if (done) purged += 1;
  }
  for (const storageKey of job.storageKeys ?? []) await deleteStoredFile({ storageKey });
  return purged;
}

/** The purge queue's worker (registered from lib/jobs/handlers.ts); a failure is retried. */
export async function registerDocumentPurge(boss: PgBoss, db: Db): Promise<void> {
  await boss.work<DocumentPurgeJob>(
    QUEUES.documentPurge,
    { pollingIntervalSeconds: 1, batchSize: 5 },
    async (jobs) => {
      for (const job of jobs) await purgeDocuments(db, job.data);
    },
  );
}
