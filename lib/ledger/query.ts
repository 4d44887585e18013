import type { LegalBasis, RecipientClass } from "@/lib/generated/prisma/enums";

import { dayBounds, decodeCursor, type TLedgerFilter } from "./filter";

// The ledger query as parameterised SQL, run by the data layer (Prisma's raw query) and by the
// benchmark floor (pg) alike. Scoped by the signed-in user's id: the subject is looked up inside
// the query (Subject.userId), never taken from the client; no subject means no rows.

export interface LedgerRow {
  id: string;
  providedAt: Date;
  periodEnd: Date | null;
  legalBasis: LegalBasis;
  recipientKey: string;
  recipientNameJa: string;
  recipientNameEn: string;
  recipientClass: RecipientClass;
  country: string | null;
  regimeNoteJa: string | null;
  regimeNoteEn: string | null;
  measuresJa: string | null;
  measuresEn: string | null;
  processorCategoryJa: string | null;
  processorCategoryEn: string | null;
  purposeNameJa: string;
  purposeNameEn: string;
  sceneKey: string | null;
  sceneNameJa: string | null;
  sceneNameEn: string | null;
  consentReference: string | null;
  itemsJa: string[];
  itemsEn: string[];
}

const COLUMNS = `p.id, p."providedAt", p."periodEnd", p."legalBasis"::text AS "legalBasis",
  r.key AS "recipientKey", r."nameJa" AS "recipientNameJa", r."nameEn" AS "recipientNameEn",
  r."recipientClass"::text AS "recipientClass", r.country, r."regimeNoteJa", r."regimeNoteEn",
  r."measuresJa", r."measuresEn", r."processorCategoryJa", r."processorCategoryEn",
  pu."nameJa" AS "purposeNameJa", pu."nameEn" AS "purposeNameEn",
  s.key AS "sceneKey", s."nameJa" AS "sceneNameJa", s."nameEn" AS "sceneNameEn",
  c.reference AS "consentReference",
  ARRAY(SELECT coalesce(dc."nameJa", k.key) FROM unnest(p.items) WITH ORDINALITY k(key, n)
        LEFT JOIN "DataCategory" dc ON dc.key = k.key ORDER BY k.n) AS "itemsJa",
  ARRAY(SELECT coalesce(dc."nameEn", k.key) FROM unnest(p.items) WITH ORDINALITY k(key, n)
        LEFT JOIN "DataCategory" dc ON dc.key = k.key ORDER BY k.n) AS "itemsEn"`;

const FROM = `FROM "ProvisionRecord" p
  JOIN "Recipient" r ON r.id = p."recipientId"
  JOIN "Purpose" pu ON pu.id = p."purposeId"
  LEFT JOIN "Scene" s ON s.id = p."sceneId"`;

export interface SqlQuery {
  text: string;
  values: unknown[];
}

function whereClause(userId: string, filter: TLedgerFilter, values: unknown[], page: boolean) {
  const add = (v: unknown) => `$${values.push(v)}`;
  // Timestamps travel as UTC ISO text: the columns are timestamp without time zone, in UTC.
  const at = (d: Date) => `${add(d.toISOString())}::timestamp(3)`;
  const parts = [`p."subjectId" = (SELECT id FROM "Subject" WHERE "userId" = ${add(userId)})`];
  if (filter.recipientClass) parts.push(`r."recipientClass"::text = ${add(filter.recipientClass)}`);
  if (filter.recipient) parts.push(`r.key = ${add(filter.recipient)}`);
  if (filter.scene) parts.push(`s.key = ${add(filter.scene)}`);
  // A range matches an entry whose date, or period of continuous provision, touches it.
  const { fromAt, toBefore } = dayBounds(filter);
  if (toBefore) parts.push(`p."providedAt" < ${at(toBefore)}`);
  if (fromAt) parts.push(`coalesce(p."periodEnd", p."providedAt") >= ${at(fromAt)}`);
  const after = page ? decodeCursor(filter.after) : undefined;
  const before = page && !after ? decodeCursor(filter.before) : undefined;
  const cursor = after ?? before;
  if (cursor) {
    const [when, id] = [at(cursor.providedAt), add(cursor.id)];
    const op = after ? "<" : ">";
    // A row comparison walks the (subjectId, providedAt DESC, id DESC) index as one range.
    parts.push(`(p."providedAt", p.id) ${op} (${when}, ${id})`);
  }
  return { sql: parts.join(" AND "), backwards: Boolean(before) };
}

/** One page, newest first; `limit` is page size + 1 so the caller knows if more follow. */
export function ledgerPageQuery(options: {
  userId: string;
  filter: TLedgerFilter;
  limit: number;
}): SqlQuery & { backwards: boolean } {
  const values: unknown[] = [];
  const where = whereClause(options.userId, options.filter, values, true);
  const dir = where.backwards ? "ASC" : "DESC";
  const text = `SELECT ${COLUMNS}
  ${FROM}
  LEFT JOIN "Consent" c ON c.id = p."consentId" AND c."subjectId" = p."subjectId"
  WHERE ${where.sql}
  ORDER BY p."providedAt" ${dir}, p.id ${dir}
  LIMIT $${values.push(options.limit)}`;
  return { text, values, backwards: where.backwards };
}

/** How many entries match the filters (cursor ignored). */
export function ledgerCountQuery(options: { userId: string; filter: TLedgerFilter }): SqlQuery {
  const values: unknown[] = [];
  const where = whereClause(options.userId, options.filter, values, false);
  const { recipientClass, recipient, scene } = options.filter;
  // Only the joins a filter needs: counting 10,000 entries should read the index alone.
  const joins = [`FROM "ProvisionRecord" p`];
  if (recipientClass || recipient) joins.push(`JOIN "Recipient" r ON r.id = p."recipientId"`);
  if (scene) joins.push(`JOIN "Scene" s ON s.id = p."sceneId"`);
  return { text: `SELECT count(*)::int AS total ${joins.join(" ")} WHERE ${where.sql}`, values };
}
