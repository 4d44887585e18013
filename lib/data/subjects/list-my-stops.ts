import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";

const names = { select: { key: true, nameJa: true, nameEn: true } } as const;

/**
 * What the signed-in person has stopped (active use restrictions, APPI Art.35) and the consents
 * on record, granted or withdrawn. Scoped by Subject.userId = actor; null for a stranger.
 */
export async function listMyStops(options: { actor: Actor }) {
  const { actor } = options;
  if (!can(actor.role, "personal-data:read-own")) return null;
  const db = getDb();
  const subject = { userId: actor.userId };
  const [restrictions, consents] = await Promise.all([
    db.useRestriction.findMany({
      where: { subject, liftedAt: null },
      select: {
        id: true,
        kind: true,
        source: true,
        recipientClass: true,
        effectiveAt: true,
        purpose: names,
        recipient: names,
      },
      orderBy: [{ effectiveAt: "desc" }, { id: "asc" }],
    }),
    db.consent.findMany({
      where: { subject },
      select: {
        id: true,
        kind: true,
        reference: true,
        descriptionJa: true,
        descriptionEn: true,
        grantedAt: true,
        withdrawnAt: true,
        purpose: names,
        recipient: names,
      },
      orderBy: [{ grantedAt: "desc" }, { id: "asc" }],
    }),
  ]);
  return { restrictions, consents };
}
