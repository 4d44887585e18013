import { z } from "@/lib/validation/zod";

import { ZRequestRef } from "./requests";

// A manager closes an onward notice (correction, erasure, stop of provision) the recipient has
// not confirmed: which notice, and how it was settled (shared by the form and the action).

export const ZCloseNotice = ZRequestRef.extend({
  noticeId: z.string().min(1, "validation.required").max(64, "validation.invalid"),
  note: z.string().trim().min(1, "validation.required").max(2000, "validation.noteTooLong"),
});

export type TCloseNotice = z.infer<typeof ZCloseNotice>;
