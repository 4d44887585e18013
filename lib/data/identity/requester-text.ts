import "server-only";

import type { Locale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";
import type { TCloseUnverifiable, TResubmissionReason } from "@/lib/validation/identity-review";

// What the requester reads about an identity decision, written once in the language of their
// request (Request.locale), as their mails are: a message on their request page for a
// resubmission, the outcome note for a request closed as unverifiable.

export function resubmissionMessage(options: {
  locale: Locale;
  reasons: readonly TResubmissionReason[];
  message: string;
}): string {
  const t = getTranslator(options.locale);
  const reasons = options.reasons.map((code) => `・${t(`review.reason.${code}`)}`).join("\n");
  return t("review.requester.resubmission", { reasons, message: options.message });
}

export function unverifiableNote(options: {
  locale: Locale;
  reason: TCloseUnverifiable["reason"];
  explanation: string;
}): string {
  const t = getTranslator(options.locale);
  return t("review.requester.unverifiableNote", {
    reason: t(`review.unverifiable.reason.${options.reason}`),
    explanation: options.explanation,
  });
}

export function myNumberMessage(locale: Locale): string {
  return getTranslator(locale)("review.requester.myNumberMessage");
}
