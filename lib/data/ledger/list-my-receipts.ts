import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import { receiptEntries, type ReceiptEntry } from "@/lib/ledger/receipts";

import { ownSubjectId } from "./own-subject";

/**
 * The signed-in person's receipt records (APPI Art.30), newest first, in the period of the
 * ledger's filter. Scoped to the subject whose user is the actor; nobody else's can match.
 */
export async function listMyReceipts(options: {
  actor: Actor;
  locale: Locale;
  from?: string;
  to?: string;
  /** At most this many, newest first (the page); all when absent (downloads). */
  limit?: number;
}): Promise<ReceiptEntry[]> {
  const { actor, locale, from, to, limit } = options;
  if (!can(actor.role, "personal-data:read-own")) return [];
  const subjectId = await ownSubjectId(actor);
  if (!subjectId) return [];
  return receiptEntries(getDb(), { subjectId, locale, from, to, limit });
}
