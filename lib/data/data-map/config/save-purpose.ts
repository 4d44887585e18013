import "server-only";

import type { Actor } from "@/lib/auth/actor";
import type { TPurposeConfig } from "@/lib/validation/data-map-config";

import { namesOf, saveKeyedRow } from "./shared";

/** Creates a purpose of use, or edits the one with `input.id` (its key stays), with its audit. */
export async function savePurpose(options: { actor: Actor; input: TPurposeConfig }) {
  const { actor, input } = options;
  return saveKeyedRow({
    actor,
    id: input.id,
    key: input.key,
    data: {
      ...namesOf(input),
      suspendable: input.suspendable,
      gpcOptOut: input.gpcOptOut,
      // Kept only where it applies: a purpose that can be stopped needs no reason.
      suspensionNoteJa: input.suspendable ? "" : input.suspensionNoteJa,
      suspensionNoteEn: input.suspendable ? "" : input.suspensionNoteEn,
      sortOrder: Number(input.sortOrder),
    },
    table: (tx) => tx.purpose,
    audit: {
      name: "purpose",
      entityType: "Purpose",
      data: { suspendable: input.suspendable, gpcOptOut: input.gpcOptOut },
    },
    notice: true,
  });
}
