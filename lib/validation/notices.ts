import { z } from "zod";

import { ZRequestRef } from "./requests";

// Staff record that a recipient confirmed an onward notice (correction, erasure, stop of
// provision): which notice, and how the confirmation came (shared by the form and the action).

export const ZConfirmNotice = ZRequestRef.extend({
  noticeId: z.string().min(1, "validation.required").max(64, "validation.invalid"),
  note: z.string().trim().min(1, "validation.required").max(2000, "validation.noteTooLong"),
});

export type TConfirmNotice = z.infer<typeof ZConfirmNotice>;
