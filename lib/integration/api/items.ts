import type { z } from "zod";

import { ApiError, invalidItems, type ItemError } from "./errors";

// A batch body: the envelope is checked whole (400), its size (413), then each item on its own,
// collecting every refusal with its index (422) so the caller can fix them all at once.

export function parseBatch<T extends z.ZodType>(
  list: unknown[],
  schema: T,
  max: number,
): z.infer<T>[] {
  if (list.length === 0) throw new ApiError(400, "empty_batch", "The batch holds no items");
  if (list.length > max)
    throw new ApiError(413, "batch_too_large", `A batch holds at most ${max} items`);
  const parsed: z.infer<T>[] = [];
  const errors: ItemError[] = [];
  list.forEach((raw, index) => {
    const result = schema.safeParse(raw);
    if (result.success) return parsed.push(result.data);
    const issue = result.error.issues[0];
    const where = issue?.path.join(".") || "item";
    errors.push({
      index,
      code: "invalid_item",
      message: `${where}: ${issue?.message ?? "invalid"}`,
    });
  });
  if (errors.length > 0) throw invalidItems(errors);
  return parsed;
}

export function parseEnvelope<T extends z.ZodType>(
  json: unknown,
  schema: T,
  what: string,
): z.infer<T> {
  const result = schema.safeParse(json);
  if (!result.success)
    throw new ApiError(400, "invalid_body", `The body must be an object with an array "${what}"`);
  return result.data;
}

/** UTC ISO text for a timestamp(3) column (which would otherwise drop a given offset). */
export const utc = (instant: string) => new Date(instant).toISOString();
export const utcOrNull = (instant: string | null | undefined) => (instant ? utc(instant) : null);
