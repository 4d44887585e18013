"use client";

import { SuspensionErasureChoices } from "@/components/requests/form/suspension-fields";
import type { NamedOptions } from "@/components/requests/form/type-fields";

/**
 * Suspension or erasure as staff record it: the wizard's fields without its preview, which is the
 * signed-in requester's own look at their data (see entry-values.ts).
 */
export function ErasureEntryFields({ options }: { options: NamedOptions }) {
  return <SuspensionErasureChoices options={options} />;
}
