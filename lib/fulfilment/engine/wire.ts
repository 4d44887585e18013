import { z } from "@/lib/validation/zod";

import type { FulfilmentAction } from "@/lib/generated/prisma/enums";

import type { AppliedChange, ExportedItem, KeptItem, TaskResult } from "./types";

// What travels between the portal and an HTTP system: the task we send, the result it answers
// with (synchronously or by callback) and the connector's settings. Every answer is parsed here
// before anything is stored; what does not parse is a failure, never a success.

const key = z.string().min(1).max(64);
const field = z.string().trim().min(1).max(200);
const text = (max: number) => z.string().max(max);
const note = text(2000).optional();
/** A system's own short reason for a failure: a code, never free text that might name someone. */
export const ZReasonCode = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/);

export const ZHttpConfig = z.object({
  endpoint: z.url({ protocol: /^https?$/ }),
  timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
  /** Fewer automatic retries than the queue allows (0 = fail on the first error). */
  retries: z.number().int().min(0).max(10).optional(),
  /** Demo organisation only: answered by the portal's simulated system (app/api/demo/connector). */
  simulateInDemo: z.boolean().optional(),
});
export type THttpConfig = z.infer<typeof ZHttpConfig>;

export const ZCorrection = z.object({
  action: z.enum(["CORRECT", "ADD", "DELETE"]),
  categoryKey: key,
  field: text(200),
  correctedValue: text(500),
});
export type TCorrection = z.infer<typeof ZCorrection>;

/**
 * The JSON body of a task sent to a system. `details` holds only what the action needs. Delivery
 * is at least once: after a worker crash the same task may arrive again (with a new nonce), so a
 * system applies each `taskId` once and answers a repeat with the same result.
 */
export const ZHttpTask = z.object({
  taskId: z.string().min(1).max(64),
  requestReference: z.string().max(32),
  action: z.enum(["EXPORT", "CORRECT", "ERASE", "RESTRICT", "STOP_PROVISION"]),
  requestType: z.string().max(32),
  subject: z.object({ externalIds: z.array(text(200)).max(50), email: text(320).nullable() }),
  details: z.object({
    scope: z.enum(["ALL", "SELECTED"]).optional(),
    categoryKeys: z.array(key).max(50).optional(),
    corrections: z.array(ZCorrection).max(20).optional(),
    purposeKeys: z.array(key).max(20).optional(),
    recipientKeys: z.array(key).max(100).optional(),
    recipientClasses: z.array(key).max(4).optional(),
  }),
  callbackUrl: z.url(),
});
export type THttpTask = z.infer<typeof ZHttpTask>;

const ZExportResult = z.object({
  items: z
    .array(
      z.object({
        field,
        categoryKey: key,
        value: text(10_000),
        source: z.enum(["DIRECT", "AUTOMATIC", "THIRD_PARTY", "PUBLIC"]).optional(),
        sourceNote: text(2000).optional(),
        collectedAt: z.iso.datetime({ offset: true }).optional(),
      }),
    )
    .max(200_000),
  note,
});

const ZCorrectResult = z.object({
  changes: z
    .array(
      z.object({
        field,
        action: z.enum(["CORRECT", "ADD", "DELETE"]),
        before: text(2000).nullable(),
        after: text(2000).nullable(),
      }),
    )
    .max(200),
  note,
});

const ZEraseResult = z.object({
  erased: z.number().int().min(0),
  kept: z
    .array(z.object({ field, reason: text(500) }))
    .max(1000)
    .default([]),
  note,
});

const ZRestrictResult = z.object({ restrictions: z.number().int().min(0), note });

const RESULT_SCHEMAS = {
  EXPORT: ZExportResult,
  CORRECT: ZCorrectResult,
  ERASE: ZEraseResult,
  RESTRICT: ZRestrictResult,
  STOP_PROVISION: ZRestrictResult,
} as const satisfies Record<FulfilmentAction, z.ZodType>;

/** A system's callback: the outcome of a task it accepted earlier with 202. */
export const ZCallback = z.object({
  taskId: z.string().min(1).max(64),
  status: z.enum(["SUCCEEDED", "FAILED"]),
  result: z.unknown().optional(),
  error: ZReasonCode.optional(),
});

/** Refs of a system's items, "<systemKey>:<field>", numbered where a field repeats. */
export function refsFor(systemKey: string, fields: string[]): string[] {
  const seen = new Map<string, number>();
  return fields.map((f) => {
    const n = (seen.get(f) ?? 0) + 1;
    seen.set(f, n);
    return n === 1 ? `${systemKey}:${f}` : `${systemKey}:${f}#${n}`;
  });
}

/**
 * Parses a system's result for an action into the stored TaskResult; null when it does not fit
 * the action's schema (the task then fails as "invalid_result").
 */
export function parseSystemResult(
  action: FulfilmentAction,
  systemKey: string,
  raw: unknown,
): TaskResult | null {
  switch (action) {
    case "EXPORT": {
      const parsed = RESULT_SCHEMAS.EXPORT.safeParse(raw);
      if (!parsed.success) return null;
      const refs = refsFor(
        systemKey,
        parsed.data.items.map((i) => i.field),
      );
      const items: ExportedItem[] = parsed.data.items.map((i, n) => ({ ref: refs[n]!, ...i }));
      return {
        items,
        itemCount: items.length,
        ...(parsed.data.note ? { note: parsed.data.note } : {}),
      };
    }
    case "CORRECT": {
      const parsed = RESULT_SCHEMAS.CORRECT.safeParse(raw);
      if (!parsed.success) return null;
      const refs = refsFor(
        systemKey,
        parsed.data.changes.map((c) => c.field),
      );
      const changes: AppliedChange[] = parsed.data.changes.map((c, n) => ({ ref: refs[n]!, ...c }));
      return { changes, ...(parsed.data.note ? { note: parsed.data.note } : {}) };
    }
    case "ERASE": {
      const parsed = RESULT_SCHEMAS.ERASE.safeParse(raw);
      if (!parsed.success) return null;
      const refs = refsFor(
        systemKey,
        parsed.data.kept.map((k) => k.field),
      );
      const kept: KeptItem[] = parsed.data.kept.map((k, n) => ({ ref: refs[n]!, ...k }));
      return {
        erased: parsed.data.erased,
        kept,
        ...(parsed.data.note ? { note: parsed.data.note } : {}),
      };
    }
    case "RESTRICT":
    case "STOP_PROVISION": {
      const parsed = RESULT_SCHEMAS[action].safeParse(raw);
      if (!parsed.success) return null;
      return {
        restrictions: parsed.data.restrictions,
        ...(parsed.data.note ? { note: parsed.data.note } : {}),
      };
    }
  }
}
