import type { Tx } from "@/lib/db";

import { invalidItems, type ItemError } from "./api/errors";
import { utc, utcOrNull } from "./api/items";
import { idsByKey, reportUnknown, subjectsByExternalId } from "./resolve";
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
  const [subjects, recipients, purposes, scenes, categories] = await Promise.all([
    subjectsByExternalId(
      tx,
      systemId,
      events.map((e) => e.subject),
    ),
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
    idsByKey(
      tx,
      "dataCategory",
      events.flatMap((e) => e.items),
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
    reportUnknown(errors, i, subjects, e.subject, "unknown_subject", "subject");
    reportUnknown(errors, i, recipients, e.recipient, "unknown_recipient", "recipient");
    reportUnknown(errors, i, purposes, e.purpose, "unknown_purpose", "purpose");
    reportUnknown(errors, i, scenes, e.scene, "unknown_scene", "scene");
    const unknownItem = e.items.find((k) => !categories.has(k));
    reportUnknown(errors, i, categories, unknownItem, "unknown_category", "items");
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
