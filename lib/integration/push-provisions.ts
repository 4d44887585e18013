import type { Tx } from "@/lib/db";

import { invalidItems, type ItemError } from "./api/errors";
import { utc, utcOrNull } from "./api/items";
import { idsByKey, reportUnknown, subjectsAndItems } from "./resolve";
import type { TProvisionEvent } from "./wire";

// Provision events pushed by a system into the ledger (APPI Arts.29-30). All or nothing: every
// key is resolved first and any unknown one refuses the batch, naming the items; then one
// INSERT … SELECT FROM unnest(…) stores the batch, and the unique (sourceSystemId,
// externalEventId) makes a repeated eventId a duplicate rather than a second row.

export interface PushCounts {
  received: number;
  stored: number;
  duplicates: number;
}

export async function pushProvisions(
  tx: Tx,
  input: { systemId: string; events: TProvisionEvent[] },
): Promise<PushCounts> {
  const { systemId, events } = input;
  const [{ subjects, report }, recipients, purposes, scenes] = await Promise.all([
    subjectsAndItems(tx, systemId, events),
    idsByKey(
      tx,
      "recipient",
      events.map((e) => e.recipient),
    ),
    idsByKey(
      tx,
      "purpose",
      events.map((e) => e.purpose),
    ),
    idsByKey(
      tx,
      "scene",
      events.map((e) => e.scene),
    ),
  ]);
  // APPI Art.29 with Art.27(2): a record of opt-out provision holds the recipient's address and
  // representative; without them on file the record would be incomplete.
  const optOutKeys = [
    ...new Set(events.filter((e) => e.legalBasis === "OPT_OUT").map((e) => e.recipient)),
  ];
  const incomplete = new Set(
    optOutKeys.length === 0
      ? []
      : (
          await tx.recipient.findMany({
            where: {
              key: { in: optOutKeys },
              OR: [{ address: null }, { representative: null }],
            },
            select: { key: true },
          })
        ).map((r) => r.key),
  );
  const errors: ItemError[] = [];
  events.forEach((e, i) => {
    if (e.legalBasis === "OPT_OUT" && incomplete.has(e.recipient))
      errors.push({
        index: i,
        code: "incomplete_recipient_record",
        message:
          "recipient: opt-out provision needs the recipient's address and representative on file (APPI Art.29)",
      });
    report(errors, i, e);
    reportUnknown(errors, i, recipients, e.recipient, "unknown_recipient", "recipient");
    reportUnknown(errors, i, purposes, e.purpose, "unknown_purpose", "purpose");
    reportUnknown(errors, i, scenes, e.scene, "unknown_scene", "scene");
  });
  if (errors.length > 0) throw invalidItems(errors);

  const column = <T>(pick: (e: TProvisionEvent) => T) => events.map(pick);
  const stored = await tx.$executeRaw`
    INSERT INTO "ProvisionRecord" ("id", "subjectId", "recipientId", "purposeId", "sceneId",
      "sourceSystemId", "providedAt", "periodEnd", "items", "legalBasis", "keepUntil",
      "externalEventId")
    SELECT gen_random_uuid()::text, e.subject, e.recipient, e.purpose, e.scene, ${systemId},
      e.provided_at, e.period_end, string_to_array(e.items, ','), e.legal_basis::"LegalBasis",
      e.keep_until, e.event_id
    FROM unnest(
      ${column((e) => subjects.get(e.subject))}::text[],
      ${column((e) => recipients.get(e.recipient))}::text[],
      ${column((e) => purposes.get(e.purpose))}::text[],
      ${column((e) => (e.scene ? (scenes.get(e.scene) ?? null) : null))}::text[],
      ${column((e) => utc(e.providedAt))}::timestamp(3)[],
      ${column((e) => utcOrNull(e.periodEnd))}::timestamp(3)[],
      ${column((e) => e.items.join(","))}::text[],
      ${column((e) => e.legalBasis)}::text[],
      ${column((e) => utc(e.keepUntil))}::timestamp(3)[],
      ${column((e) => e.eventId)}::text[]
    ) AS e(subject, recipient, purpose, scene, provided_at, period_end, items, legal_basis,
      keep_until, event_id)
    ON CONFLICT ("sourceSystemId", "externalEventId") DO NOTHING`;
  return { received: events.length, stored, duplicates: events.length - stored };
}
