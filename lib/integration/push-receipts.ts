import type { Tx } from "@/lib/db";

import { invalidItems, type ItemError } from "./api/errors";
import { utc } from "./api/items";
import { subjectsAndItems } from "./resolve";
import type { PushCounts } from "./push-provisions";
import type { TReceiptEvent } from "./wire";

// Receipt records pushed by a system (APPI Art.30): personal data the organisation received from
// a third party. As with provisions, all or nothing: an unknown subject or category refuses the
// batch naming the items; one INSERT … SELECT FROM unnest(…) stores it, and the unique
// (sourceSystemId, externalEventId) makes a repeated eventId a duplicate.

export async function pushReceipts(
  tx: Tx,
  input: { systemId: string; events: TReceiptEvent[] },
): Promise<PushCounts> {
  const { systemId, events } = input;
  const { subjects, report } = await subjectsAndItems(tx, systemId, events);
  const errors: ItemError[] = [];
  events.forEach((e, i) => report(errors, i, e));
  if (errors.length > 0) throw invalidItems(errors);

  const column = <T>(pick: (e: TReceiptEvent) => T) => events.map(pick);
  const stored = await tx.$executeRaw`
    INSERT INTO "ReceiptRecord" ("id", "subjectId", "sourceSystemId", "providerName",
      "providerAddress", "providerRepresentative", "acquisitionMethod", "receivedAt", "items",
      "legalBasis", "keepUntil", "externalEventId")
    SELECT gen_random_uuid()::text, e.subject, ${systemId}, e.provider_name, e.provider_address,
      e.provider_representative, e.acquisition_method, e.received_at, string_to_array(e.items, ','),
      e.legal_basis::"LegalBasis", e.keep_until, e.event_id
    FROM unnest(
      ${column((e) => subjects.get(e.subject))}::text[],
      ${column((e) => e.provider.name)}::text[],
      ${column((e) => e.provider.address)}::text[],
      ${column((e) => e.provider.representative ?? null)}::text[],
      ${column((e) => e.acquisitionMethod)}::text[],
      ${column((e) => utc(e.receivedAt))}::timestamp(3)[],
      ${column((e) => e.items.join(","))}::text[],
      ${column((e) => e.legalBasis)}::text[],
      ${column((e) => utc(e.keepUntil))}::timestamp(3)[],
      ${column((e) => e.eventId)}::text[]
    ) AS e(subject, provider_name, provider_address, provider_representative, acquisition_method,
      received_at, items, legal_basis, keep_until, event_id)
    ON CONFLICT ("sourceSystemId", "externalEventId") DO NOTHING`;
  return { received: events.length, stored, duplicates: events.length - stored };
}
