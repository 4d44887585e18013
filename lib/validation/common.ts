import { z } from "@/lib/validation/zod";

import { locales } from "@/lib/i18n/config";

export const ZLocale = z.object({ locale: z.enum(locales) });

/** The browser's Global Privacy Control signal, seen by the page (navigator.globalPrivacyControl). */
export const ZGpcSignal = z.object({ signal: z.literal(true) });

/** The privacy notice's version the person's page showed when they pressed "I have read it". */
export const ZNoticeSeen = z.object({ version: z.number().int().min(1).max(2_147_483_647) });

/** A person's answers to the notice changes that need their consent (lib/data/privacy-signals). */
export const ZNoticeConsent = z.object({
  version: z.number().int().min(1).max(2_147_483_647),
  answers: z
    .array(
      z.object({
        element: z.enum(["purposes", "recipients"]),
        key: z.string().max(64),
        choice: z.enum(["yes", "no"], "noticeVersions.errors.choose"),
      }),
    )
    .max(500),
});
export type TNoticeConsent = z.infer<typeof ZNoticeConsent>;

export const ZJpSla = z.object({
  days: z.coerce
    .number("validation.number")
    .int("validation.number")
    .min(1, "validation.slaRange")
    .max(14, "validation.slaRange"),
});
