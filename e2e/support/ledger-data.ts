import { randomUUID } from "node:crypto";

import { sql } from "./db";

// Ledger and personal-data rows for one e2e subject, referencing the demo seed's recipients,
// purposes, scenes, systems and categories by key (the seed is loaded in the postgres project).

const id = (table: string, key: string) => `(SELECT id FROM "${table}" WHERE key = '${key}')`;

export interface ProvisionSeed {
  recipient: string;
  purpose: string;
  scene?: string | null;
  providedAt: string;
  periodEnd?: string | null;
  items: string[];
  legalBasis: string;
  consentId?: string | null;
}

/**
 * One consented provision of an email address and an advertising ID to the US ad network: what a
 * page that must show a foreign third party (the ledger, my page, their accessibility and fit)
 * needs, and nothing more.
 */
export const AD_PROVISION: ProvisionSeed = {
  recipient: "adreach-us",
  purpose: "ads",
  providedAt: "2026-06-01T10:00:00",
  items: ["email", "ad_id"],
  legalBasis: "CONSENT",
};

export async function insertProvision(subjectId: string, p: ProvisionSeed): Promise<string> {
  const rowId = randomUUID();
  await sql().query(
    `INSERT INTO "ProvisionRecord" (id, "subjectId", "recipientId", "purposeId", "sceneId", "providedAt",
       "periodEnd", items, "legalBasis", "consentId", "keepUntil")
     VALUES ($1, $2, ${id("Recipient", p.recipient)}, ${id("Purpose", p.purpose)},
       (SELECT id FROM "Scene" WHERE key = $3), $4::timestamp, $5::timestamp, $6, $7::"LegalBasis", $8,
       $4::timestamp + interval '3 years')`,
    [
      rowId,
      subjectId,
      p.scene ?? null,
      p.providedAt,
      p.periodEnd ?? null,
      p.items,
      p.legalBasis,
      p.consentId ?? null,
    ],
  );
  return rowId;
}

/** `count` entries to one recipient, one day apart, newest on `newest` (for paging). */
export async function insertManyProvisions(subjectId: string, count: number, newest: string) {
  await sql().query(
    `INSERT INTO "ProvisionRecord" (id, "subjectId", "recipientId", "purposeId", "sceneId", "providedAt",
       items, "legalBasis", "keepUntil")
     SELECT gen_random_uuid()::text, $1, ${id("Recipient", "restaurant-mimosa")},
       ${id("Purpose", "third_party_provision")}, ${id("Scene", "reservation")},
       $2::timestamp - (g || ' days')::interval, ARRAY['name','email'], 'USER_APPLICATION',
       now() + interval '3 years'
     FROM generate_series(0, $3 - 1) g`,
    [subjectId, newest, count],
  );
}

export async function insertConsent(
  subjectId: string,
  c: {
    kind: string;
    recipient: string;
    purpose: string;
    reference: string;
    description: string;
    grantedAt: string;
    withdrawnAt?: string;
  },
): Promise<string> {
  const rowId = randomUUID();
  await sql().query(
    `INSERT INTO "Consent" (id, "subjectId", kind, "recipientId", "purposeId", reference, "descriptionJa",
       "descriptionEn", "grantedAt", "withdrawnAt")
     VALUES ($1, $2, $3, ${id("Recipient", c.recipient)}, ${id("Purpose", c.purpose)}, $4, $5, $5,
       $6::timestamp, $7::timestamp)`,
    [rowId, subjectId, c.kind, c.reference, c.description, c.grantedAt, c.withdrawnAt ?? null],
  );
  return rowId;
}

export async function insertRestriction(subjectId: string, purpose: string, effectiveAt: string) {
  await sql().query(
    `INSERT INTO "UseRestriction" (id, "subjectId", kind, "purposeId", "effectiveAt")
     VALUES ($1, $2, 'PURPOSE', ${id("Purpose", purpose)}, $3::timestamp)`,
    [randomUUID(), subjectId, effectiveAt],
  );
}

export interface ItemSeed {
  system: string;
  category: string;
  field: string;
  value: string;
  source?: "DIRECT" | "AUTOMATIC" | "THIRD_PARTY" | "PUBLIC";
  sourceNote?: string;
  collectedAt: string;
  linkedToPerson?: boolean;
  legalHoldReason?: string;
  erased?: boolean;
}

export async function insertItem(subjectId: string, it: ItemSeed) {
  await sql().query(
    `INSERT INTO "PersonalDataItem" (id, "subjectId", "systemId", "categoryId", field, value, source,
       "sourceNote", "linkedToPerson", "collectedAt", "updatedAt", "legalHold", "legalHoldReason", "erasedAt")
     VALUES ($1, $2, ${id("DataSystem", it.system)}, ${id("DataCategory", it.category)}, $3, $4,
       $5::"DataSource", $6, $7, $8::timestamp, now(), $9, $10, $11::timestamp)`,
    [
      randomUUID(),
      subjectId,
      it.field,
      it.value,
      it.source ?? "DIRECT",
      it.sourceNote ?? "",
      it.linkedToPerson ?? true,
      it.collectedAt,
      Boolean(it.legalHoldReason),
      it.legalHoldReason ?? null,
      it.erased ? new Date().toISOString() : null,
    ],
  );
}
