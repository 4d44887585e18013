import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";

import { assertCanConfigure } from "./shared";

/** What the uses form of one system offers and has: categories, purposes and the chosen pairs. */
export async function listSystemUses(options: { actor: Actor; systemId: string; locale: Locale }) {
  assertCanConfigure(options.actor);
  const db = getDb();
  const ja = options.locale === "ja";
  const select = { id: true, key: true, nameJa: true, nameEn: true } as const;
  const order = [{ sortOrder: "asc" as const }, { key: "asc" as const }];
  const [categories, purposes, uses] = await Promise.all([
    db.dataCategory.findMany({ orderBy: order, select }),
    db.purpose.findMany({ orderBy: order, select }),
    db.systemCategoryPurpose.findMany({
      where: { systemId: options.systemId },
      select: { categoryId: true, purposeId: true },
    }),
  ]);
  const named = (r: { id: string; key: string; nameJa: string; nameEn: string }) => ({
    id: r.id,
    name: ja ? r.nameJa : r.nameEn,
  });
  return {
    categories: categories.map(named),
    purposes: purposes.map(named),
    pairs: uses.map((u) => `${u.categoryId}:${u.purposeId}`),
  };
}
