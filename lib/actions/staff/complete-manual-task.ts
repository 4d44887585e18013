"use server";

import { z } from "@/lib/validation/zod";

import { defineAction, type ActionResult } from "@/lib/actions/safe-action";
import { completeManualTask as complete } from "@/lib/data/fulfilment/complete-manual-task";
import { MAX_FILE_BYTES } from "@/lib/identity/rules";
import { MAX_TASK_FILES, ZCompleteManualTask } from "@/lib/validation/fulfilment";

const ZWithFiles = ZCompleteManualTask.extend({
  files: z
    .array(z.instanceof(File).refine((f) => f.size <= MAX_FILE_BYTES, "identity.errors.tooLarge"))
    .max(MAX_TASK_FILES, "fulfilment.tasks.errors.tooManyFiles"),
});

const run = defineAction(
  { name: "completeManualTask", schema: ZWithFiles, permission: "request:fulfil" },
  async ({ files, ...input }, actor) =>
    complete({
      actor,
      input,
      files: await Promise.all(
        files.map(async (f) => ({ bytes: Buffer.from(await f.arrayBuffer()), fileName: f.name })),
      ),
    }),
);

/** Takes form data so that files can travel with the completion. */
export async function completeManualTask(raw: FormData): Promise<ActionResult<void>> {
  // A forged call may send anything in place of the form; that is an empty form, refused by the
  // schema, not a crash.
  const form = raw instanceof FormData ? raw : new FormData();
  return run({
    reference: form.get("reference"),
    taskId: form.get("taskId"),
    note: form.get("note"),
    checked: form.getAll("checked").filter((v) => typeof v === "string"),
    files: form.getAll("files").filter((f) => f instanceof File && f.size > 0),
  });
}
