import { z } from "zod";

import { ZLocale } from "./common";

export const ZSignIn = ZLocale.extend({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "validation.email")
    .pipe(z.email("validation.email")),
});

export type TSignIn = z.infer<typeof ZSignIn>;
