import type { Db } from "@/lib/db";
import type { RecipientClass, RestrictionKind } from "@/lib/generated/prisma/enums";

// What a system must respect for one subject (APPI Art.35): the active use restrictions, by key,
// and the recipients provision to which has stopped — named directly, by their class, or by a stop
// of all provision. Law enforcement is never "stopped": provision required by law (Art.27(1)(i))
// is outside what a person can stop, as in the engine's stopProvision.

export interface RestrictionView {
  kind: RestrictionKind;
  purpose: string | null;
  recipient: string | null;
  recipientClass: RecipientClass | null;
  since: string;
}

export interface RestrictionsAnswer {
  subject: string;
  restrictions: RestrictionView[];
  stoppedRecipients: string[];
}

async function stoppedRecipients(
  db: Db,
  rows: {
    kind: RestrictionKind;
    recipientClass: RecipientClass | null;
    recipient: { key: string } | null;
  }[],
) {
  const named = rows.flatMap((r) =>
    r.kind === "RECIPIENT" && r.recipient ? [r.recipient.key] : [],
  );
  const all = rows.some((r) => r.kind === "ALL_PROVISION");
  const classes = rows.flatMap((r) =>
    r.kind === "RECIPIENT_CLASS" && r.recipientClass ? [r.recipientClass] : [],
  );
  const byClass =
    all || classes.length > 0
      ? await db.recipient.findMany({
          where: {
            recipientClass: all
              ? { not: "LAW_ENFORCEMENT" }
              : { in: classes, not: "LAW_ENFORCEMENT" },
          },
          select: { key: true },
        })
      : [];
  return [...new Set([...named, ...byClass.map((r) => r.key)])].sort();
}

/** Null when this system knows no subject by that external id. */
export async function readRestrictions(
  db: Db,
  input: { systemId: string; externalId: string },
): Promise<RestrictionsAnswer | null> {
  const link = await db.subjectExternalId.findUnique({
    where: { systemId_externalId: { systemId: input.systemId, externalId: input.externalId } },
    select: { subjectId: true },
  });
  if (!link) return null;
  const rows = await db.useRestriction.findMany({
    where: { subjectId: link.subjectId, liftedAt: null },
    select: {
      kind: true,
      recipientClass: true,
      effectiveAt: true,
      purpose: { select: { key: true } },
      recipient: { select: { key: true } },
    },
    orderBy: [{ effectiveAt: "asc" }, { id: "asc" }],
  });
  return {
    subject: input.externalId,
    restrictions: rows.map((r) => ({
      kind: r.kind,
      purpose: r.purpose?.key ?? null,
      recipient: r.recipient?.key ?? null,
      recipientClass: r.recipientClass,
      since: r.effectiveAt.toISOString(),
    })),
    stoppedRecipients: await stoppedRecipients(db, rows),
  };
}
