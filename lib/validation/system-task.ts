import { z } from "@/lib/validation/zod";

// The answer a system's recipient gives through an EMAIL connector's link (the page
// app/[locale]/system-tasks/[token], the action lib/actions/system-tasks/answer-system-task.ts).
// Strings and booleans only, so what the form holds is what the server parses; the export file
// travels beside these values and is checked by its content (lib/fulfilment/engine/connectors/
// email/export-file.ts).

import { DECLINE_REASONS } from "./choices";
export { DECLINE_REASONS };
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const ZSystemTaskAnswer = z
  .object({
    token: z.string().max(200),
    /** The action the page showed; the server refuses an answer meant for another. */
    action: z.enum(["EXPORT", "CORRECT", "ERASE", "RESTRICT", "STOP_PROVISION"]),
    outcome: z.enum(["done", "declined"], "systemTask.errors.chooseOutcome"),
    /** EXPORT: the system holds nothing on the person (no file then). */
    noData: z.boolean(),
    /** ERASE: how many records were erased. */
    erased: z.string().trim(),
    /** ERASE: what was kept, and why (a legal duty to keep it, say). */
    kept: z
      .array(
        z.object({
          field: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
          reason: z.string().trim().min(1, "validation.required").max(500, "validation.tooLong"),
        }),
      )
      .max(50, "validation.tooLong"),
    declineReason: z.union([z.literal(""), z.enum(DECLINE_REASONS)]),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === "declined") {
      if (!v.declineReason)
        ctx.addIssue({
          code: "custom",
          path: ["declineReason"],
          message: "systemTask.errors.chooseReason",
        });
      return;
    }
    if (v.action === "ERASE" && !/^\d{1,7}$/.test(v.erased))
      ctx.addIssue({ code: "custom", path: ["erased"], message: "systemTask.errors.erased" });
  });
export type TSystemTaskAnswer = z.infer<typeof ZSystemTaskAnswer>;
