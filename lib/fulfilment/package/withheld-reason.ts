import type { RefusalGround } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";

/**
 * What the requester reads of a withheld item: its legal ground, then staff's reason. A redaction
 * made before grounds were asked for has the reason only.
 */
export function withheldReason(
  locale: Locale,
  redaction: { ground: RefusalGround | null; reason: string },
): string {
  if (!redaction.ground) return redaction.reason;
  const t = getTranslator(locale);
  return t("disclosurePackage.withheld.groundAndReason", {
    ground: t(`decisions.groundLabels.${redaction.ground}`),
    reason: redaction.reason,
  });
}
