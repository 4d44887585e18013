import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

import type { Db, Tx } from "@/lib/db";
import type { ApiScope } from "@/lib/generated/prisma/enums";

// Integration API keys. The key is shown once and only its SHA-256 is stored; the prefix (unique,
// not secret) finds the row, then the hashes are compared in constant time, so neither a wrong
// key nor a near miss answers faster than another.

const KEY_FORMAT = /^dsk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
/** lastUsedAt is a hint for staff, not a log: written at most once a minute per key. */
const LAST_USED_GRANULARITY_SECONDS = 60;

export const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");

function newKey() {
  const prefix = randomBytes(6).toString("hex");
  const key = `dsk_${prefix}_${randomBytes(32).toString("base64url")}`;
  return { prefix, key, hash: hashKey(key) };
}

export interface CreatedKey {
  id: string;
  prefix: string;
  /** The plaintext key: returned once, never stored. */
  key: string;
}

/** Creates a key for a system in the caller's transaction. */
export async function createApiKey(
  tx: Tx,
  input: { systemId: string; label: string; scopes: ApiScope[]; createdById: string | null },
): Promise<CreatedKey> {
  const { prefix, key, hash } = newKey();
  const row = await tx.apiKey.create({
    data: {
      systemId: input.systemId,
      label: input.label,
      scopes: [...new Set(input.scopes)],
      createdById: input.createdById,
      prefix,
      hash,
    },
    select: { id: true },
  });
  return { id: row.id, prefix, key };
}

/** Revokes a key; false when it was unknown or already revoked. */
export async function revokeApiKey(tx: Tx, input: { keyId: string }): Promise<boolean> {
  const { count } = await tx.apiKey.updateMany({
    where: { id: input.keyId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count === 1;
}

/** A new key with the same system, label and scopes; the old one is revoked. Null if not active. */
export async function rotateApiKey(
  tx: Tx,
  input: { keyId: string; createdById: string | null },
): Promise<(CreatedKey & { systemId: string; revokedId: string }) | null> {
  const old = await tx.apiKey.findFirst({
    where: { id: input.keyId, revokedAt: null },
    select: { id: true, systemId: true, label: true, scopes: true },
  });
  if (!old || !(await revokeApiKey(tx, { keyId: old.id }))) return null;
  const created = await createApiKey(tx, {
    systemId: old.systemId,
    label: old.label,
    scopes: old.scopes,
    createdById: input.createdById,
  });
  return { ...created, systemId: old.systemId, revokedId: old.id };
}

export interface ApiCaller {
  keyId: string;
  systemId: string;
  systemKey: string;
}

export type Authentication =
  | { ok: true; caller: ApiCaller }
  | {
      ok: false;
      status: 401 | 403;
      code: "unauthenticated" | "revoked" | "missing_scope";
      /** The key that was refused, when it was a real one (so the refusal can be audited). */
      caller?: ApiCaller;
    };

/** The key from `Authorization: Bearer <key>`, or null. */
export function bearerKey(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1] ?? null;
}

/** Checks a presented key and its scope; refusals say 401 (who?) or 403 (not allowed). */
export async function authenticateApiKey(
  db: Db,
  input: { key: string | null; scope: ApiScope },
): Promise<Authentication> {
  const match = KEY_FORMAT.exec(input.key ?? "");
  if (!match || !input.key) return { ok: false, status: 401, code: "unauthenticated" };
  const row = await db.apiKey.findUnique({
    where: { prefix: match[1] },
    select: {
      id: true,
      hash: true,
      scopes: true,
      revokedAt: true,
      systemId: true,
      system: { select: { key: true } },
    },
  });
  const expected = Buffer.from(row?.hash ?? hashKey(""), "hex");
  const actual = Buffer.from(hashKey(input.key), "hex");
  if (!row || !timingSafeEqual(actual, expected))
    return { ok: false, status: 401, code: "unauthenticated" };
  const caller = { keyId: row.id, systemId: row.systemId, systemKey: row.system.key };
  if (row.revokedAt) return { ok: false, status: 401, code: "revoked", caller };
  if (!row.scopes.includes(input.scope))
    return { ok: false, status: 403, code: "missing_scope", caller };
  await db.$executeRaw`
    UPDATE "ApiKey" SET "lastUsedAt" = now()
    WHERE id = ${row.id}
      AND ("lastUsedAt" IS NULL
        OR "lastUsedAt" < now() - make_interval(secs => ${LAST_USED_GRANULARITY_SECONDS}))`;
  return { ok: true, caller };
}
