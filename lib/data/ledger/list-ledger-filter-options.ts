import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";

// Reference data changes rarely; a minute's reuse spares the ledger page two queries a view.
const TTL_MS = 60_000;
let cached: { at: number; data: Promise<Awaited<ReturnType<typeof load>>> } | undefined;

/**
 * The choices of the ledger's filter form: the organisation's recipients (processors by the kind
 * of work they do) and scenes. Public reference data, not the person's own; keys go in the URL.
 */
export async function listLedgerFilterOptions(options: { actor: Actor; locale: Locale }) {
  const { actor, locale } = options;
  if (!can(actor.role, "personal-data:read-own")) return { recipients: [], scenes: [] };
  if (!cached || Date.now() - cached.at > TTL_MS) {
    const data = load();
    cached = { at: Date.now(), data };
    // A failed load is not kept: the next view tries again.
    data.catch(() => {
      cached = undefined;
    });
  }
  const { recipients, scenes } = await cached.data;
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

async function load() {
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
  return { recipients, scenes };
}
