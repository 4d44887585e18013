import { randomBytes, randomUUID } from "node:crypto";

import pg from "pg";

import { E2E } from "./config";

// Direct access to the e2e PostgreSQL database: each spec makes its own people and requests with
// unique emails, so specs run in parallel without touching each other or the demo data.

let pool: pg.Pool | undefined;
export const sql = () => (pool ??= new pg.Pool({ connectionString: E2E.pg.url, max: 2 }));

export type Role = "SUBJECT" | "STAFF" | "MANAGER" | "ADMIN";

export function uniqueEmail(prefix: string) {
  return `${prefix}.${randomBytes(4).toString("hex")}@e2e.example.jp`;
}

export async function createUser(role: Role, options: { withSubject?: boolean } = {}) {
  const id = randomUUID();
  const email = uniqueEmail(role.toLowerCase());
  await sql().query(
    `INSERT INTO "User" (id, email, "emailVerified", name, role, locale, "updatedAt") VALUES ($1, $2, now(), $3, $4, 'ja', now())`,
    [id, email, `テスト ${role}`, role],
  );
  let subjectId: string | undefined;
  if (options.withSubject) {
    subjectId = randomUUID();
    await sql().query(
      `INSERT INTO "Subject" (id, "userId", "familyName", "givenName", "familyNameKana", "givenNameKana", email, "updatedAt")
       VALUES ($1, $2, '試験', '太郎', 'シケン', 'タロウ', $3, now())`,
      [subjectId, id, email],
    );
  }
  return { id, email, role, subjectId };
}

/**
 * A database session for the user, as a sign-in would leave it; returns the cookie value. Staff,
 * managers and admins have passed their passkey in it (as `passkey: false` they have not: the
 * mail link only).
 */
export async function createSession(userId: string, options: { passkey?: boolean } = {}) {
  const token = randomBytes(32).toString("hex");
  await sql().query(
    `INSERT INTO "Session" (id, "sessionToken", "userId", expires, "passkeyAt")
     SELECT $1, $2, u.id, now() + interval '1 hour',
            CASE WHEN u.role <> 'SUBJECT' AND $4 THEN now() END
     FROM "User" u WHERE u.id = $3`,
    [randomUUID(), token, userId, options.passkey ?? true],
  );
  return token;
}

/** A request of the person, filed by `filedById`: a disclosure in progress unless told otherwise. */
export async function insertRequest(options: {
  subjectId: string;
  filedById: string;
  status?: string;
  type?: string;
  details?: object;
}) {
  const id = randomUUID();
  const reference = `R-2099-${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
  await sql().query(
    `INSERT INTO "Request" (id, reference, type, status, "subjectId", "filedById", details, "dueAt", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, now() + interval '10 days', now())`,
    [
      id,
      reference,
      options.type ?? "DISCLOSURE",
      options.status ?? "IN_PROGRESS",
      options.subjectId,
      options.filedById,
      JSON.stringify(options.details ?? {}),
    ],
  );
  return { id, reference };
}

export async function requestStatus(reference: string): Promise<string | undefined> {
  const { rows } = await sql().query<{ status: string }>(
    `SELECT status FROM "Request" WHERE reference = $1`,
    [reference],
  );
  return rows[0]?.status;
}

/** A personal data item for a test subject, in one of the demo seed's systems and categories. */
export async function insertItem(options: {
  subjectId: string;
  system: string;
  category: string;
  field: string;
  value: string;
  legalHoldReason?: string;
}) {
  await sql().query(
    `INSERT INTO "PersonalDataItem" (id, "subjectId", "systemId", "categoryId", field, value, "collectedAt", "updatedAt", "legalHold", "legalHoldReason")
     SELECT $1, $2, s.id, c.id, $3, $4, now(), now(), $5, $6 FROM "DataSystem" s, "DataCategory" c WHERE s.key = $7 AND c.key = $8`,
    [
      randomUUID(),
      options.subjectId,
      options.field,
      options.value,
      !!options.legalHoldReason,
      options.legalHoldReason ?? null,
      options.system,
      options.category,
    ],
  );
}

/** An active consent of a test subject for one of the demo seed's recipients. */
export async function insertConsent(options: {
  subjectId: string;
  recipient: string;
  kind: string;
  descriptionJa: string;
}) {
  await sql().query(
    `INSERT INTO "Consent" (id, "subjectId", kind, "recipientId", reference, "descriptionJa", "descriptionEn", "grantedAt")
     SELECT $1, $2, $3, r.id, $4, $5, $5, now() - interval '30 days' FROM "Recipient" r WHERE r.key = $6`,
    [
      randomUUID(),
      options.subjectId,
      options.kind,
      `C-${randomBytes(3).toString("hex")}`,
      options.descriptionJa,
      options.recipient,
    ],
  );
}

/** The details of an erasure of everything, as the request form files it. */
export const ERASURE_DETAILS = {
  action: "ERASE",
  purposeKeys: [],
  erasureScope: "ALL",
  categoryKeys: [],
  ground: "NO_LONGER_NEEDED",
  groundText: "",
  previewConfirmed: true,
};
