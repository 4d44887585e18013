import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { settleTask } from "@/lib/fulfilment/engine/settle-task";
import { canCompleteManually, CHECKLISTS } from "@/lib/fulfilment/engine/task-rules";
import { checkDocument } from "@/lib/identity/check-document";
import { refusalMessageKey } from "@/lib/identity/rules";
import { deleteStoredFile, storeEncryptedFile, type StoredFile } from "@/lib/storage/file-store";
import { MAX_TASK_FILES, type TCompleteManualTask } from "@/lib/validation/fulfilment";

import { findTaskForChange, taskActor } from "./find-task";

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "application/pdf": "pdf",
};

/** A display name without paths or control characters, with the extension of the real type. */
function safeFileName(name: string, mimeType: string): string {
  const base =
    name
      .replace(/\.[^.]*$/, "")
      .replace(/[\\/:*?"<>|]/g, "_")
      .replace(/\p{Cc}/gu, "_")
      .trim()
      .slice(0, 80) || "attachment";
  return `${base}.${EXTENSIONS[mimeType] ?? "bin"}`;
}

type Stored = StoredFile & {
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
};

/**
 * Staff complete a MANUAL task: every checklist item ticked, a note, optional files (checked like
 * identity documents: type by content, re-encoded images, no scripts in PDFs; stored encrypted
 * before the rows are written and removed again if the completion does not commit).
 */
export async function completeManualTask(options: {
  actor: Actor;
  input: TCompleteManualTask;
  files: { bytes: Buffer; fileName: string }[];
}) {
  const { actor, input, files } = options;
  if (!can(actor.role, "request:fulfil")) throw new AppError("FORBIDDEN");
  const task = await findTaskForChange(actor, input);
  if (!canCompleteManually(task))
    throw new AppError("CONFLICT", "fulfilment.tasks.errors.notManual");
  if (task.assigneeId && task.assigneeId !== actor.userId)
    throw new AppError("CONFLICT", "fulfilment.tasks.errors.claimedByOther");
  const keys: readonly string[] = CHECKLISTS[task.action];
  if (!keys.every((k) => input.checked.includes(k)))
    throw new AppError("INVALID_INPUT", "fulfilment.tasks.manual.checklistIncomplete", {
      checked: "fulfilment.tasks.manual.checklistIncomplete",
    });
  if (files.length > MAX_TASK_FILES)
    throw new AppError("INVALID_INPUT", "fulfilment.tasks.errors.tooManyFiles", {
      files: "fulfilment.tasks.errors.tooManyFiles",
    });

  const stored: Stored[] = [];
  try {
    let usedBytes = 0;
    for (const file of files) {
      const checked = await checkDocument({ bytes: file.bytes, usedBytes });
      if (!checked.ok) {
        const key = refusalMessageKey(checked.reason);
        throw new AppError("INVALID_INPUT", key, { files: key });
      }
      usedBytes += checked.sizeBytes;
      stored.push({
        ...(await storeEncryptedFile({ plaintext: checked.bytes })),
        fileName: safeFileName(file.fileName, checked.mimeType),
        mimeType: checked.mimeType,
        sizeBytes: checked.sizeBytes,
        sha256: checked.sha256,
      });
    }
    await getDb().$transaction(async (tx) => {
      const done = await settleTask(tx, {
        task,
        from: ["PENDING", "RUNNING"],
        to: "SUCCEEDED",
        actor: taskActor(actor),
        result: { note: input.note },
        note: input.note,
        data: { files: stored.length },
        extra: {
          assigneeId: actor.userId,
          checklist: keys.map((key) => ({ key, done: true })),
        },
      });
      if (!done) throw new AppError("CONFLICT");
      if (stored.length > 0)
        await tx.taskAttachment.createMany({
          data: stored.map((f) => ({ taskId: task.id, ...f })),
        });
    });
  } catch (error) {
    for (const file of stored) await deleteStoredFile(file);
    throw error;
  }
}
