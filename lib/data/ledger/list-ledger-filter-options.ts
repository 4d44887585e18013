import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";

/**
 * The choices of the ledger's filter form: the organisation's recipients (processors by the kind
 * of work they do) and scenes. Public reference data, not the person's own; keys go in the URL.
 */
export async function listLedgerFilterOptions(options: { actor: Actor; locale: Locale }) {
  const { actor, locale } = options;
  if (!can(actor.role, "personal-data:read-own")) return { recipients: [], scenes: [] };
  const db = getDb();
  const [recipients, scenes] = await Promise.all([
    db.recipient.findMany({
      select: {
        key: true,
        nameJa: true,
        nameEn: true,
        recipientClass: true,
        processorCategoryJa: true,
        processorCategoryEn: true,
      },
      orderBy: [{ recipientClass: "asc" }, { key: "asc" }],
    }),
    db.scene.findMany({
      select: { key: true, nameJa: true, nameEn: true },
      orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
    }),
  ]);
  const ja = locale === "ja";
  return {
    recipients: recipients.map((r) => {
      const category = ja ? r.processorCategoryJa : r.processorCategoryEn;
      const name = ja ? r.nameJa : r.nameEn;
      return {
        key: r.key,
        recipientClass: r.recipientClass,
        name: r.recipientClass === "PROCESSOR" && category ? category : name,
      };
    }),
    scenes: scenes.map((s) => ({ key: s.key, name: ja ? s.nameJa : s.nameEn })),
  };
}
