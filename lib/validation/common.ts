import { z } from "@/lib/validation/zod";

import { locales } from "@/lib/i18n/config";

export const ZLocale = z.object({ locale: z.enum(locales) });

export const ZJpSla = z.object({
  days: z.coerce
    .number("validation.number")
    .int("validation.number")
    .min(1, "validation.slaRange")
    .max(14, "validation.slaRange"),
});
