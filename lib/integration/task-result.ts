import type { Db } from "@/lib/db";
import { handleConnectorCallback, type CallbackError } from "@/lib/fulfilment/engine/callback";

import { ApiError } from "./api/errors";
import { parseJson } from "./api/body";
import type { ApiCaller } from "./keys";

// A task's result reported through the API: the key (scope REPORT_TASKS) says which system calls,
// and the body must still carry the system's signature, checked — with its time window and its
// single-use nonce — by the connector callback's own code, so both doors apply the same rules.

const MESSAGES: Record<CallbackError, string> = {
  unknown_system: "This key's system is not an HTTP system with a signing secret",
  malformed: "The signature headers are missing or malformed",
  stale: "The signature's timestamp is too old",
  future: "The signature's timestamp is in the future",
  mismatch: "The signature does not match the body",
  replayed: "This nonce was already used",
  invalid_json: "The body is not valid JSON",
  invalid_body: "The body is not a task result",
  invalid_result: "The result does not fit the task's action",
  unknown_task: "No such task for this system",
  not_running: "The task is not waiting for a result",
};

export async function reportTaskResult(
  db: Db,
  input: { caller: ApiCaller; taskId: string; headers: Headers; rawBody: string },
): Promise<{ ok: true }> {
  const json = parseJson(input.rawBody);
  const bodyTaskId = json && typeof json === "object" && "taskId" in json ? json.taskId : undefined;
  if (bodyTaskId !== input.taskId)
    throw new ApiError(400, "task_mismatch", "The body's taskId must be the task in the path");
  const answer = await handleConnectorCallback(db, {
    systemKey: input.caller.systemKey,
    headers: input.headers,
    rawBody: input.rawBody,
  });
  if (!answer.body.ok) {
    const code = answer.body.error;
    throw new ApiError(answer.status, code, MESSAGES[code]);
  }
  return { ok: true };
}
