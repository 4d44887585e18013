import { z } from "@/lib/validation/zod";

import { ZLocale } from "./common";

export const ZSignIn = ZLocale.extend({
  // Where to land after the link: only the person's own pages, never another site; a request
  // page may carry the download to start on arrival (the re-sign-in before a download).
  next: z
    .string()
    .regex(/^\/(ja|en)\/me(\/[A-Za-z0-9_-]+)*(\?download=[A-Za-z0-9_-]{1,64})?$/)
    .optional(),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "validation.email")
    .pipe(z.email("validation.email")),
});

export type TSignIn = z.infer<typeof ZSignIn>;

export const ZRemovePasskey = z.object({ passkeyId: z.string().min(1).max(64) });
export const ZRevokePasskeys = z.object({ userId: z.string().min(1).max(64) });
