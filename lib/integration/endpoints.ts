import type { z } from "zod";

import type { Db, Tx } from "@/lib/db";
import type { ApiScope } from "@/lib/generated/prisma/enums";

import { ApiError } from "./api/errors";
import { readJsonBody, readRawBody } from "./api/body";
import { handleApiCall } from "./api/handle";
import { parseBatch, parseEnvelope } from "./api/items";
import { pushItems } from "./push-items";
import { pushProvisions, type PushCounts } from "./push-provisions";
import { pushReceipts } from "./push-receipts";
import { readRestrictions } from "./read-restrictions";
import { reportTaskResult } from "./task-result";
import {
  MAX_BATCH,
  MAX_PUSH_BYTES,
  ZDataItem,
  ZExternalId,
  ZItemBatch,
  ZEventBatch,
  ZProvisionEvent,
  ZReceiptEvent,
} from "./wire";

// The /api/v1 endpoints as plain functions of a Request, so the route handlers stay one line and
// the benchmark and tests can call the same code.

const MAX_RESULT_BYTES = 64 * 1024 * 1024;

function externalIdOf(raw: string): string {
  const parsed = ZExternalId.safeParse(raw);
  if (!parsed.success) throw new ApiError(400, "invalid_subject", "The subject id is not valid");
  return parsed.data;
}

async function subjectIdOf(db: Db, systemId: string, externalId: string) {
  const link = await db.subjectExternalId.findUnique({
    where: { systemId_externalId: { systemId, externalId } },
    select: { subjectId: true },
  });
  if (!link) throw new ApiError(404, "unknown_subject", "This system has no subject with that id");
  return link.subjectId;
}

/** A batch of events pushed by a system: parsed item by item, stored all or nothing, audited. */
function eventPush<T>(
  what: { scope: ApiScope; action: string; event: z.ZodType<T> },
  push: (tx: Tx, input: { systemId: string; events: T[] }) => Promise<PushCounts>,
) {
  return (request: Request) =>
    handleApiCall(request, { scope: what.scope, action: what.action }, async (ctx) => {
      const json = await readJsonBody(request, MAX_PUSH_BYTES);
      const { events } = parseEnvelope(json, ZEventBatch, "events");
      const parsed = parseBatch(events, what.event, MAX_BATCH);
      const counts = await ctx.db.$transaction(async (tx) => {
        const result = await push(tx, { systemId: ctx.caller.systemId, events: parsed });
        await ctx.audit(tx, { ...result });
        return result;
      });
      return { status: 200, body: counts };
    });
}

export const postProvisions = eventPush(
  { scope: "PUSH_PROVISIONS", action: "api.provisions.push", event: ZProvisionEvent },
  pushProvisions,
);

export const postReceipts = eventPush(
  { scope: "PUSH_RECEIPTS", action: "api.receipts.push", event: ZReceiptEvent },
  pushReceipts,
);

export const postSubjectItems = (request: Request, rawExternalId: string) =>
  handleApiCall(request, { scope: "PUSH_DATA", action: "api.items.push" }, async (ctx) => {
    const externalId = externalIdOf(rawExternalId);
    const json = await readJsonBody(request, MAX_PUSH_BYTES);
    const { items } = parseEnvelope(json, ZItemBatch, "items");
    const parsed = parseBatch(items, ZDataItem, MAX_BATCH);
    const subjectId = await subjectIdOf(ctx.db, ctx.caller.systemId, externalId);
    const counts = await ctx.db.$transaction(async (tx) => {
      const result = await pushItems(tx, {
        systemId: ctx.caller.systemId,
        subjectId,
        items: parsed,
      });
      await ctx.audit(tx, { subjectId, ...result });
      return result;
    });
    return { status: 200, body: counts };
  });

export const getSubjectRestrictions = (request: Request, rawExternalId: string) =>
  handleApiCall(
    request,
    { scope: "READ_RESTRICTIONS", action: "api.restrictions.read" },
    async (ctx) => {
      const externalId = externalIdOf(rawExternalId);
      const answer = await readRestrictions(ctx.db, { systemId: ctx.caller.systemId, externalId });
      if (!answer)
        throw new ApiError(404, "unknown_subject", "This system has no subject with that id");
      return {
        status: 200,
        body: answer,
        counts: {
          restrictions: answer.restrictions.length,
          stoppedRecipients: answer.stoppedRecipients.length,
        },
      };
    },
  );

export const postTaskResult = (request: Request, taskId: string) =>
  handleApiCall(
    request,
    { scope: "REPORT_TASKS", action: "api.task-result.report" },
    async (ctx) => {
      const rawBody = await readRawBody(request, MAX_RESULT_BYTES);
      const body = await reportTaskResult(ctx.db, {
        caller: ctx.caller,
        taskId,
        headers: request.headers,
        rawBody,
      });
      return { status: 200, body, counts: { taskId } };
    },
  );
