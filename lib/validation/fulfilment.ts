import { z } from "@/lib/validation/zod";

import { ZRequestRef } from "./requests";

// Staff's actions on a request's fulfilment tasks (components/staff/fulfilment). Shared by the
// forms and the server actions; messages are catalogue keys.

export const MAX_TASK_FILES = 5;

const note = z.string().trim().min(1, "validation.required").max(2000, "validation.noteTooLong");

export const ZTaskRef = ZRequestRef.extend({ taskId: z.string().min(1).max(64) });
export type TTaskRef = z.infer<typeof ZTaskRef>;

/** Cancelling says why (a system that will never answer, a task that does not apply). */
export const ZCancelTask = ZTaskRef.extend({ note });
export type TCancelTask = z.infer<typeof ZCancelTask>;

/** A MANUAL task done: the checklist items ticked and a note; files travel beside it. */
export const ZCompleteManualTask = ZTaskRef.extend({
  note,
  checked: z.array(z.string().max(32)).max(10),
});
export type TCompleteManualTask = z.infer<typeof ZCompleteManualTask>;
