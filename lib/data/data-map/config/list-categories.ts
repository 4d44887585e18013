import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";

import { assertCanConfigure } from "./shared";

/** The data categories (all, or the one with `id`), with how much refers to each. */
export async function listCategories(options: { actor: Actor; id?: string }) {
  assertCanConfigure(options.actor);
  const rows = await getDb().dataCategory.findMany({
    where: options.id ? { id: options.id } : {},
    orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
    include: { _count: { select: { uses: true, items: true } } },
  });
  return rows.map(({ _count, ...c }) => ({ ...c, references: _count.uses + _count.items }));
}

export type ConfigCategory = Awaited<ReturnType<typeof listCategories>>[number];
