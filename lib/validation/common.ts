import { z } from "@/lib/validation/zod";

import { locales } from "@/lib/i18n/config";

export const ZLocale = z.object({ locale: z.enum(locales) });

/** The browser's Global Privacy Control signal, seen by the page (navigator.globalPrivacyControl). */
export const ZGpcSignal = z.object({ signal: z.literal(true) });

/** The privacy notice's version the person's page showed when they pressed "I have read it". */
export const ZNoticeSeen = z.object({ version: z.number().int().min(1).max(2_147_483_647) });

export const ZJpSla = z.object({
  days: z.coerce
    .number("validation.number")
    .int("validation.number")
    .min(1, "validation.slaRange")
    .max(14, "validation.slaRange"),
});
