import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

import { settleTask } from "./settle-task";
import {
  acceptedSecrets,
  signatureHeadersOf,
  verifySignatureWithAny,
  type SignatureFailure,
} from "./signature";
import { parseSystemResult, ZCallback } from "./wire";

// A system's callback for a task it accepted with 202. Checked in this order, each refusal
// changing nothing: the system and its secret (404), the signature (with the current secret, or
// the previous one within a day of a rotation), its age and its nonce (401),
// the body (400), the task (404, or 409 when it is not waiting). The nonce is recorded in the same
// transaction as the task's update, so a replayed callback can never be applied twice.

export const MAX_CALLBACK_BYTES = 64 * 1024 * 1024;
/** Well beyond twice the signature window (MAX_SKEW_SECONDS either way). */
const RECEIPT_KEEP_MS = 60 * 60 * 1000;

export type CallbackError =
  | "unknown_system"
  | SignatureFailure
  | "replayed"
  | "invalid_json"
  | "invalid_body"
  | "invalid_result"
  | "unknown_task"
  | "not_running";

export type CallbackAnswer =
  | { status: 200; body: { ok: true } }
  | {
      status: 400 | 401 | 404 | 409;
      body: { ok: false; error: CallbackError };
    };

const refuse = (status: 400 | 401 | 404 | 409, error: CallbackError): CallbackAnswer => ({
  status,
  body: { ok: false, error },
});

class Refused extends Error {
  constructor(readonly answer: CallbackAnswer) {
    super(answer.body.ok ? "ok" : answer.body.error);
  }
}

export async function handleConnectorCallback(
  db: Db,
  input: { systemKey: string; headers: Headers; rawBody: string; now?: Date },
): Promise<CallbackAnswer> {
  const system = await db.dataSystem.findUnique({
    where: { key: input.systemKey },
    omit: { secret: false, previousSecret: false },
  });
  if (!system || system.connector !== "HTTP" || !system.secret)
    return refuse(404, "unknown_system");

  const check = verifySignatureWithAny({
    secrets: acceptedSecrets(system, input.now),
    body: input.rawBody,
    now: input.now,
    ...signatureHeadersOf(input.headers),
  });
  if (!check.ok) return refuse(401, check.reason);

  let json: unknown;
  try {
    json = JSON.parse(input.rawBody);
  } catch {
    return refuse(400, "invalid_json");
  }
  const body = ZCallback.safeParse(json);
  if (!body.success) return refuse(400, "invalid_body");

  const task = await db.fulfilmentTask.findFirst({
    where: { id: body.data.taskId, systemId: system.id },
    select: { id: true, requestId: true, action: true, status: true },
  });
  if (!task) return refuse(404, "unknown_task");
  const ref = { ...task, system: { key: system.key } };
  const result =
    body.data.status === "SUCCEEDED"
      ? parseSystemResult(task.action, system.key, body.data.result)
      : null;
  if (body.data.status === "SUCCEEDED" && !result) return refuse(400, "invalid_result");

  try {
    await db.$transaction(async (tx) => {
      const key = { systemId: system.id, nonce: check.nonce };
      if (await tx.connectorReceipt.findUnique({ where: { systemId_nonce: key } }))
        throw new Refused(refuse(401, "replayed"));
      try {
        await tx.connectorReceipt.create({ data: key });
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
          throw new Refused(refuse(401, "replayed"));
        throw error;
      }
      const settled = await settleTask(tx, {
        task: ref,
        from: ["RUNNING"],
        to: body.data.status,
        actor: null,
        ...(result ? { result } : {}),
        ...(body.data.status === "FAILED"
          ? { lastError: body.data.error ? `system_failed:${body.data.error}` : "system_failed" }
          : {}),
        data: { via: "callback" },
      });
      if (!settled) throw new Refused(refuse(409, "not_running"));
      // A nonce older than the signature window can never pass again: its receipt may go.
      await tx.connectorReceipt.deleteMany({
        where: { receivedAt: { lt: new Date(Date.now() - RECEIPT_KEEP_MS) } },
      });
    });
  } catch (error) {
    if (error instanceof Refused) return error.answer;
    throw error;
  }
  return { status: 200, body: { ok: true } };
}
