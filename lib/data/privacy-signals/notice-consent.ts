import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type Db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enqueueRestrictionsChanged } from "@/lib/integration/webhooks";
import type { Localised, NoticeChange } from "@/lib/notice/types";
import type { TNoticeConsent } from "@/lib/validation/common";

// The consent step of a notice change (issue 16 part 4; lib/notice/diff.ts says which changes
// need it: a new purpose, a purpose using a new category, a new third-party recipient). On their
// page a person answers each such change published since they last looked: yes records a
// Consent (reference notice-v<version>, shown with their other consents), no records a use
// restriction on that purpose or recipient (source NOTICE, the restrictions.changed webhook to
// systems, as a request's or GPC's would), and both move their marker past the version, in one
// transaction with its audit event. Answering again (a retry, a second tab) changes nothing.

export interface ConsentItem {
  element: "purposes" | "recipients";
  key: string;
  /** The purpose's or recipient's name now (it may have been renamed since). */
  name: Localised;
  /** The version whose change asked for it (the latest, when several did). */
  version: number;
  /** The purpose's or recipient's row, which an answer's consent or restriction refers to. */
  target: { purposeId: string } | { recipientId: string };
}

const itemId = (element: string, key: string) => `${element}:${key}`;

/**
 * The changes needing consent in the versions after `seen` up to `upTo`, one per purpose or
 * recipient (its latest), of those the data map still has.
 */
async function consentItems(db: Db | Tx, seen: number, upTo: number): Promise<ConsentItem[]> {
  const rows = await db.noticeVersion.findMany({
    where: { version: { gt: seen, lte: upTo }, needsConsent: true },
    orderBy: { version: "desc" },
    select: { version: true, changes: true },
  });
  const items = new Map<string, Omit<ConsentItem, "target">>();
  for (const row of rows)
    for (const change of row.changes as unknown as NoticeChange[]) {
      if (!change.needsConsent || !change.key || !change.name) continue;
      if (change.element !== "purposes" && change.element !== "recipients") continue;
      const id = itemId(change.element, change.key);
      if (!items.has(id))
        items.set(id, {
          element: change.element,
          key: change.key,
          name: change.name,
          version: row.version,
        });
    }
  const all = [...items.values()];
  const [purposes, recipients] = await Promise.all([
    db.purpose.findMany({
      where: { key: { in: all.filter((i) => i.element === "purposes").map((i) => i.key) } },
      select: { id: true, key: true, nameJa: true, nameEn: true },
    }),
    db.recipient.findMany({
      where: { key: { in: all.filter((i) => i.element === "recipients").map((i) => i.key) } },
      select: { id: true, key: true, nameJa: true, nameEn: true },
    }),
  ]);
  const present = new Map([
    ...purposes.map((p) => [itemId("purposes", p.key), { ...p, target: { purposeId: p.id } }]),
    ...recipients.map((r) => [
      itemId("recipients", r.key),
      { ...r, target: { recipientId: r.id } },
    ]),
  ] as [string, { nameJa: string; nameEn: string; target: ConsentItem["target"] }][]);
  return all
    .flatMap((i) => {
      const row = present.get(itemId(i.element, i.key));
      return row ? [{ ...i, name: { ja: row.nameJa, en: row.nameEn }, target: row.target }] : [];
    })
    .sort((a, b) => a.version - b.version || a.element.localeCompare(b.element));
}

/** What the signed-in person is asked to consent to now; empty when nothing. */
export async function myConsentItems(options: {
  actor: Actor;
  seen: number;
  latest: number;
}): Promise<ConsentItem[]> {
  if (!can(options.actor.role, "personal-data:read-own")) return [];
  return consentItems(getDb(), options.seen, options.latest);
}

/**
 * Records the person's answers to every change needing consent up to `input.version`, and marks
 * the notice seen to it. Each such change must be answered; answers to anything else are ignored.
 */
export async function answerNoticeConsent(options: { actor: Actor; input: TNoticeConsent }) {
  const { actor, input } = options;
  if (!can(actor.role, "privacy-signal:own")) throw new AppError("FORBIDDEN");
  const db = getDb();
  return db.$transaction(async (tx) => {
    // The person's own record, locked: a second answer waits, then finds the marker moved.
    const [subject] = await tx.$queryRaw<{ id: string; noticeSeenVersion: number | null }[]>`
      SELECT id, "noticeSeenVersion" FROM "Subject" WHERE "userId" = ${actor.userId} FOR UPDATE`;
    if (!subject) throw new AppError("NOT_FOUND");
    const latest = await tx.noticeVersion.findFirst({
      orderBy: { version: "desc" },
      select: { version: true },
    });
    const version = Math.min(input.version, latest?.version ?? 0);
    const seen = subject.noticeSeenVersion;
    if (seen === null || version <= seen) return { version: seen, consented: 0, declined: 0 };

    const items = await consentItems(tx, seen, version);
    const answers = new Map(input.answers.map((a) => [itemId(a.element, a.key), a.choice]));
    if (items.some((i) => !answers.has(itemId(i.element, i.key))))
      throw new AppError("INVALID_INPUT", "noticeVersions.errors.answerEach");

    const now = new Date();
    let consented = 0;
    let declined = 0;
    for (const item of items) {
      const { target } = item;
      if (answers.get(itemId(item.element, item.key)) === "yes") {
        await tx.consent.create({
          data: {
            subjectId: subject.id,
            kind: "NOTICE",
            reference: `notice-v${item.version}`,
            descriptionJa: item.name.ja,
            descriptionEn: item.name.en,
            grantedAt: now,
            ...target,
          },
        });
        consented++;
        continue;
      }
      // Declined: the use or provision stops, unless the person had already stopped it.
      const active = await tx.useRestriction.findFirst({
        where: { subjectId: subject.id, liftedAt: null, ...target },
        select: { id: true },
      });
      if (!active)
        await tx.useRestriction.create({
          data: {
            subjectId: subject.id,
            kind: item.element === "purposes" ? "PURPOSE" : "RECIPIENT",
            source: "NOTICE",
            effectiveAt: now,
            ...target,
          },
        });
      declined++;
    }
    if (declined > 0) await enqueueRestrictionsChanged(tx, { subjectId: subject.id, at: now });
    await tx.subject.update({ where: { id: subject.id }, data: { noticeSeenVersion: version } });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "notice.consent",
      entityType: "Subject",
      entityId: subject.id,
      ip: actor.ip,
      data: { version, consented, declined },
    });
    return { version, consented, declined };
  });
}
