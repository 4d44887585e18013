import "server-only";

import type { Actor } from "@/lib/auth/actor";
import type { TCategoryConfig } from "@/lib/validation/data-map-config";

import { namesOf, saveKeyedRow } from "./shared";

/** Creates a data category, or edits the one with `input.id` (its key stays), with its audit. */
export async function saveCategory(options: { actor: Actor; input: TCategoryConfig }) {
  const { actor, input } = options;
  return saveKeyedRow({
    actor,
    id: input.id,
    key: input.key,
    data: {
      ...namesOf(input),
      dataClass: input.dataClass,
      sources: [...new Set(input.sources)],
      retentionJa: input.retentionJa,
      retentionEn: input.retentionEn,
      sortOrder: Number(input.sortOrder),
    },
    table: (tx) => tx.dataCategory,
    audit: { name: "category", entityType: "DataCategory", data: { dataClass: input.dataClass } },
    notice: true,
  });
}
