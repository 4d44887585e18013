import { z } from "zod";

import { ZLocale } from "./common";

export const ZSignIn = ZLocale.extend({
  // Where to land after the link: only the person's own pages, never another site.
  next: z
    .string()
    .regex(/^\/(ja|en)\/me(\/[A-Za-z0-9_-]+)*$/)
    .optional(),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "validation.email")
    .pipe(z.email("validation.email")),
});

export type TSignIn = z.infer<typeof ZSignIn>;
