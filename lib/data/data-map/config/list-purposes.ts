import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";

import { assertCanConfigure } from "./shared";

/** The purposes of use (all, or the one with `id`), with how much refers to each. */
export async function listPurposes(options: { actor: Actor; id?: string }) {
  assertCanConfigure(options.actor);
  const rows = await getDb().purpose.findMany({
    where: options.id ? { id: options.id } : {},
    orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
    include: {
      _count: { select: { uses: true, provisions: true, consents: true, restrictions: true } },
    },
  });
  return rows.map(({ _count, ...p }) => ({
    ...p,
    references: _count.uses + _count.provisions + _count.consents + _count.restrictions,
  }));
}

export type ConfigPurpose = Awaited<ReturnType<typeof listPurposes>>[number];
