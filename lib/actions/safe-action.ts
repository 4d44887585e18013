import "server-only";

import type { z } from "zod";

import { requireActor, type Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { isMessageKey, type MessageKey } from "@/lib/i18n/translate";
import { log } from "@/lib/log";

// The one wrapper every mutation goes through: parse with the shared zod schema, authenticate,
// authorise against the permission matrix, then run. Results are plain data the client renders.

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: MessageKey;
      code: string;
      fieldErrors?: Record<string, MessageKey>;
      errorId?: string;
    };

export function fieldErrorsOf(error: z.ZodError): Record<string, MessageKey> {
  const out: Record<string, MessageKey> = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".");
    if (!(path in out))
      out[path] = isMessageKey(issue.message) ? issue.message : "validation.invalid";
  }
  return out;
}

export function defineAction<S extends z.ZodType, T>(
  options: { schema: S; permission: Permission | readonly Permission[]; name: string },
  handler: (input: z.infer<S>, actor: Actor) => Promise<T>,
): (raw: unknown) => Promise<ActionResult<T>> {
  return async (raw) => {
    try {
      const actor = await requireActor(options.permission);
      const parsed = options.schema.safeParse(raw);
      if (!parsed.success) {
        return {
          ok: false,
          code: "INVALID_INPUT",
          error: "errors.invalidInput",
          fieldErrors: fieldErrorsOf(parsed.error),
        };
      }
      return { ok: true, data: await handler(parsed.data, actor) };
    } catch (error) {
      if (error instanceof AppError) {
        return {
          ok: false,
          code: error.code,
          error: error.messageKey,
          fieldErrors: error.fieldErrors,
        };
      }
      const errorId = log.error("action failed", error, { action: options.name });
      return { ok: false, code: "UNEXPECTED", error: "errors.unexpected", errorId };
    }
  };
}
