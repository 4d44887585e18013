import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordNoticeVersion } from "@/lib/notice/record";

// What every write to the data map's configuration shares: the permission check, the audit
// event (ids, keys and enum values only) and the translation of database refusals.

export function assertCanConfigure(actor: Actor) {
  if (!can(actor.role, "data-map:configure")) throw new AppError("FORBIDDEN");
}

export type ConfigEntity = "DataSystem" | "DataCategory" | "Purpose" | "Recipient";

export async function auditConfig(
  tx: Tx,
  actor: Actor,
  event: {
    action: string;
    entityType: ConfigEntity;
    entityId: string;
    data: Record<string, string | number | boolean | null>;
  },
) {
  await recordAudit(tx, {
    actorId: actor.userId,
    actorRole: actor.role,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    ip: actor.ip,
    data: event.data,
  });
}

/**
 * A new version of the privacy notice when this write changed what it says (categories, purposes,
 * their uses, recipients), in the write's transaction and after it (lib/notice/record.ts).
 */
export function recordNotice(tx: Tx, actor: Actor) {
  return recordNoticeVersion(tx, { actorId: actor.userId, actorRole: actor.role });
}

export const keyTakenError = () =>
  new AppError("CONFLICT", "settingsDataMap.errors.keyTaken", {
    key: "settingsDataMap.errors.keyTaken",
  });

/** A unique-key race lost after our own check: the same clear answer as the check. */
export function rethrowKeyConflict(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
    throw keyTakenError();
  throw error;
}

export const inUseError = () => new AppError("CONFLICT", "settingsDataMap.errors.inUse");

export const notFoundError = () => new AppError("NOT_FOUND", "settingsDataMap.errors.notFound");

/** The names and descriptions every data-map row has, from its form (the schema's `names`). */
export function namesOf(input: {
  nameJa: string;
  nameEn: string;
  descriptionJa: string;
  descriptionEn: string;
}) {
  const { nameJa, nameEn, descriptionJa, descriptionEn } = input;
  return { nameJa, nameEn, descriptionJa, descriptionEn };
}

/** Form strings to the nullable columns: an empty optional field is stored as null. */
export const orNull = (value: string) => (value === "" ? null : value);

type KeyedRow = { id: string; key: string };
const KEYED = { id: true, key: true } as const;

/** The part of a Prisma model a keyed data-map row is saved through (categories, purposes). */
interface KeyedTable<D> {
  findUnique(args: {
    where: { id: string } | { key: string };
    select: typeof KEYED;
  }): PromiseLike<KeyedRow | null>;
  update(args: { where: { id: string }; data: D; select: typeof KEYED }): PromiseLike<KeyedRow>;
  create(args: { data: D & { key: string }; select: typeof KEYED }): PromiseLike<KeyedRow>;
}

/**
 * Creates a keyed row, or edits the one with `id` (its key stays once created), and writes its
 * audit event (`config.<name>.create` or `.update`) in the same transaction. A key already taken,
 * by our check or by a concurrent insert, is the same clear conflict.
 */
export async function saveKeyedRow<D>(options: {
  actor: Actor;
  id?: string;
  key: string;
  data: D;
  table: (tx: Tx) => KeyedTable<NoInfer<D>>;
  audit: {
    name: string;
    entityType: ConfigEntity;
    data: Record<string, string | number | boolean | null>;
  };
  /** Whether the row is part of the privacy notice (categories, purposes): record its version. */
  notice?: boolean;
}): Promise<KeyedRow> {
  const { actor, id, key, data, audit } = options;
  assertCanConfigure(actor);
  assertRecentPasskey(actor);
  return getDb()
    .$transaction(async (tx) => {
      const table = options.table(tx);
      let row: KeyedRow;
      if (id) {
        if (!(await table.findUnique({ where: { id }, select: KEYED }))) throw notFoundError();
        row = await table.update({ where: { id }, data, select: KEYED });
      } else {
        if (await table.findUnique({ where: { key }, select: KEYED })) throw keyTakenError();
        row = await table.create({ data: { key, ...data }, select: KEYED });
      }
      await auditConfig(tx, actor, {
        action: `config.${audit.name}.${id ? "update" : "create"}`,
        entityType: audit.entityType,
        entityId: row.id,
        data: { key: row.key, ...audit.data },
      });
      if (options.notice) await recordNotice(tx, actor);
      return row;
    })
    .catch(rethrowKeyConflict);
}
