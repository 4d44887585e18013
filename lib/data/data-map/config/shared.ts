import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

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

/** Form strings to the nullable columns: an empty optional field is stored as null. */
export const orNull = (value: string) => (value === "" ? null : value);
