import { z } from "@/lib/validation/zod";

import { locales } from "@/lib/i18n/config";

export const ZLocale = z.object({ locale: z.enum(locales) });

/** The browser's Global Privacy Control signal, seen by the page (navigator.globalPrivacyControl). */
export const ZGpcSignal = z.object({ signal: z.literal(true) });

export const ZJpSla = z.object({
  days: z.coerce
    .number("validation.number")
    .int("validation.number")
    .min(1, "validation.slaRange")
    .max(14, "validation.slaRange"),
});
