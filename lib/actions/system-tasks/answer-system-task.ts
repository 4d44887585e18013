"use server";

import { fieldErrorsOf, type ActionResult } from "@/lib/actions/safe-action";
import { answerSystemTask as answer } from "@/lib/data/fulfilment/system-task-link";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { ZSystemTaskAnswer } from "@/lib/validation/system-task";

/**
 * A system's recipient answers an EMAIL connector's task through its mailed link (public: the
 * link's signature is the credential, lib/data/fulfilment/system-task-link.ts). Multipart form
 * data: the answer's values, `kept` as JSON, and for an export the file.
 */
export async function answerSystemTask(
  data: FormData,
): Promise<ActionResult<{ state: "answered" }>> {
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === "string" ? value : "";
  };
  let kept: unknown = [];
  try {
    kept = JSON.parse(text("kept") || "[]");
  } catch {
    kept = null;
  }
  const parsed = ZSystemTaskAnswer.safeParse({
    token: text("token"),
    action: text("action"),
    outcome: text("outcome"),
    noData: text("noData") === "true",
    erased: text("erased"),
    kept,
    declineReason: text("declineReason"),
  });
  if (!parsed.success)
    return {
      ok: false,
      code: "INVALID_INPUT",
      error: "errors.invalidInput",
      fieldErrors: fieldErrorsOf(parsed.error),
    };
  const file = data.get("file");
  try {
    const bytes =
      file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
    return { ok: true, data: await answer({ answer: parsed.data, file: bytes }) };
  } catch (error) {
    if (error instanceof AppError)
      return {
        ok: false,
        code: error.code,
        error: error.messageKey,
        fieldErrors: error.fieldErrors,
      };
    const errorId = log.error("system task answer failed", error);
    return { ok: false, code: "UNEXPECTED", error: "errors.unexpected", errorId };
  }
}
