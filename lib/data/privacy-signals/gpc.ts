import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb, sqlRows } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enqueueRestrictionsChanged } from "@/lib/integration/webhooks";

// Global Privacy Control (issue 16; https://privacycg.github.io/gpc-spec/): a browser that sends
// `Sec-GPC: 1` (or shows `navigator.globalPrivacyControl`) asks not to have the person's data
// sold or shared, nor used for targeted advertising (CCPA §1798.135, Regs §7025). The portal
// honours it as a use restriction on every purpose and recipient the data map marks `gpcOptOut`,
// once per person: the first signal marks the subject (`gpcOptOutAt`) and creates the
// restrictions, with the same `restrictions.changed` webhook to systems and an audit event, in
// one transaction; later signals change nothing. A person may still lift a restriction by asking
// staff; the mark stays, so a browser's next visit does not impose it again.

export type GpcOutcome =
  | { status: "applied"; since: Date; restrictions: number }
  | { status: "already"; since: Date }
  | { status: "no-subject" };

const named = { select: { key: true, nameJa: true, nameEn: true } } as const;

/** Honours the signal for the signed-in person; idempotent, and safe under concurrent calls. */
export async function honourGpc(options: { actor: Actor; at?: Date }): Promise<GpcOutcome> {
  const { actor } = options;
  if (!can(actor.role, "privacy-signal:own")) throw new AppError("FORBIDDEN");
  const db = getDb();
  const subject = await db.subject.findUnique({
    where: { userId: actor.userId },
    select: { id: true, gpcOptOutAt: true },
  });
  // Nothing is held about a person the organisation has no record of; the browser sends the
  // signal again on their next visit, when there may be.
  if (!subject) return { status: "no-subject" };
  if (subject.gpcOptOutAt) return { status: "already", since: subject.gpcOptOutAt };
  const at = options.at ?? new Date();
  return db.$transaction(async (tx) => {
    // The first signal wins: one racing it waits for this row's lock, then finds it marked.
    const marked = await tx.subject.updateMany({
      where: { id: subject.id, gpcOptOutAt: null },
      data: { gpcOptOutAt: at },
    });
    if (marked.count === 0) {
      const again = await tx.subject.findUniqueOrThrow({
        where: { id: subject.id },
        select: { gpcOptOutAt: true },
      });
      return { status: "already", since: again.gpcOptOutAt ?? at };
    }
    const [purposes, recipients, active] = await Promise.all([
      tx.purpose.findMany({ where: { gpcOptOut: true }, select: { id: true } }),
      tx.recipient.findMany({ where: { gpcOptOut: true }, select: { id: true } }),
      tx.useRestriction.findMany({
        where: { subjectId: subject.id, liftedAt: null, kind: { in: ["PURPOSE", "RECIPIENT"] } },
        select: { purposeId: true, recipientId: true },
      }),
    ]);
    // What the person already stopped by a request stays as it is.
    const stoppedPurposes = new Set(active.map((r) => r.purposeId));
    const stoppedRecipients = new Set(active.map((r) => r.recipientId));
    const data = [
      ...purposes
        .filter((p) => !stoppedPurposes.has(p.id))
        .map((p) => ({ kind: "PURPOSE" as const, purposeId: p.id })),
      ...recipients
        .filter((r) => !stoppedRecipients.has(r.id))
        .map((r) => ({ kind: "RECIPIENT" as const, recipientId: r.id })),
    ].map((target) => ({
      ...target,
      subjectId: subject.id,
      source: "GPC" as const,
      effectiveAt: at,
    }));
    if (data.length > 0) {
      await tx.useRestriction.createMany({ data });
      await enqueueRestrictionsChanged(tx, { subjectId: subject.id, at });
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "gpc.honour",
      entityType: "Subject",
      entityId: subject.id,
      ip: actor.ip,
      data: { restrictions: data.length },
    });
    return { status: "applied", since: at, restrictions: data.length };
  });
}

/** What the signal stopped for the signed-in person (their page's notice); null if never sent. */
export async function myGpcOptOut(options: { actor: Actor }) {
  const { actor } = options;
  if (!can(actor.role, "privacy-signal:own")) return null;
  const db = getDb();
  // Most people have sent no signal: one query answers for them. (Read with its restrictions
  // nested, Prisma would also ask for their purposes and recipients by empty lists: four.)
  const subject = await db.subject.findUnique({
    where: { userId: actor.userId },
    select: { id: true, gpcOptOutAt: true },
  });
  if (!subject?.gpcOptOutAt) return null;
  const restrictions = await db.useRestriction.findMany({
    where: { subjectId: subject.id, source: "GPC", liftedAt: null },
    select: { kind: true, purpose: named, recipient: named },
    orderBy: [{ kind: "asc" }, { id: "asc" }],
  });
  return { since: subject.gpcOptOutAt, restrictions };
}

/** The dashboard's figure: people whose signal was honoured, in all and in the last 30 days. */
export async function countGpcOptOuts(options: { actor: Actor; now?: Date }) {
  if (!can(options.actor.role, "manager:dashboard")) throw new AppError("FORBIDDEN");
  const since = new Date((options.now ?? new Date()).getTime() - 30 * 86_400_000);
  // One scan of the gpcOptOutAt index gives both figures.
  const [row] = await sqlRows<{ total: number; recent: number }>({
    text: `SELECT count(*)::int AS total,
                  count(*) FILTER (WHERE "gpcOptOutAt" >= ($1::timestamptz AT TIME ZONE 'UTC'))::int AS recent
             FROM "Subject" WHERE "gpcOptOutAt" IS NOT NULL`,
    values: [since],
  });
  return { total: row?.total ?? 0, recent: row?.recent ?? 0 };
}
