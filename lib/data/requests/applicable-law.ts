import "server-only";

import type { Tx } from "@/lib/db";
import type { Jurisdiction } from "@/lib/generated/prisma/enums";
import { jurisdictionsFor, type Residence } from "@/lib/requests/jurisdiction";

/**
 * The jurisdictions a new request answers to, from where the person lives and where the
 * organisation is established (Organisation.establishments; JP when unset), with each one's reason.
 */
export async function applicableLaw(
  tx: Tx,
  residence: Residence | null,
): Promise<{ jurisdictions: Jurisdiction[]; reasons: Record<string, string> }> {
  const org = await tx.organisation.findUnique({
    where: { id: "org" },
    select: { establishments: true },
  });
  const establishments = org?.establishments.length ? org.establishments : (["JP"] as const);
  const laws = jurisdictionsFor(residence, establishments);
  return {
    jurisdictions: laws.map((l) => l.jurisdiction),
    reasons: Object.fromEntries(laws.map((l) => [l.jurisdiction, l.reason])),
  };
}
