import type { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { getTranslator } from "@/lib/i18n/translate";

// The one rule for what an erasure may not touch (APPI Art.35 only asks for erasure "to the
// extent necessary"): items under a legal hold, and items whose retention duty has not run out.
// The preview a person sees before filing (lib/data/requests/preview-erasure.ts) and the erasure
// itself (./erase-items.ts) both use it, so what was promised is what is done.

export interface RetentionFacts {
  legalHold: boolean;
  legalHoldReason: string | null;
  retainUntil: Date | null;
}

export type KeptBy =
  { code: "LEGAL_HOLD"; reason: string | null } | { code: "RETENTION"; until: Date };

/** Why the law keeps this item now, or null when it may be erased. */
export function keptBy(item: RetentionFacts, now: Date): KeptBy | null {
  if (item.legalHold) return { code: "LEGAL_HOLD", reason: item.legalHoldReason };
  if (item.retainUntil && item.retainUntil > now)
    return { code: "RETENTION", until: item.retainUntil };
  return null;
}

/** The same rule as a where-clause: the items an erasure keeps. */
export function keptWhere(now: Date): Prisma.PersonalDataItemWhereInput {
  return { OR: [{ legalHold: true }, { retainUntil: { gt: now } }] };
}

/** The subject's live items an erasure of this scope reaches (kept ones included). */
export function erasureScopeWhere(input: {
  subjectId: string;
  erasureScope: "ALL" | "SELECTED";
  categoryKeys: string[];
}): Prisma.PersonalDataItemWhereInput {
  return {
    subjectId: input.subjectId,
    erasedAt: null,
    ...(input.erasureScope === "SELECTED" ? { category: { key: { in: input.categoryKeys } } } : {}),
  };
}

/** The reason in words: the organisation's own for a hold, else the retention date. */
export function keptReason(kept: KeptBy, locale: Locale): string {
  const t = getTranslator(locale);
  if (kept.code === "LEGAL_HOLD") return kept.reason || t("fulfilment.actions.keptLegalHold");
  return t("fulfilment.actions.keptRetention", { date: formatDate(locale, kept.until) });
}
