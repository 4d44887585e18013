import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { getDb, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TSystemConfig } from "@/lib/validation/data-map-config";

import {
  assertCanConfigure,
  auditConfig,
  keyTakenError,
  notFoundError,
  rethrowKeyConflict,
  namesOf,
} from "./shared";

/**
 * The connector settings to store. Only the keys the form edits are replaced: the HTTP connector
 * also reads `retries` and `simulateInDemo` (ZHttpConfig), which an edit keeps as they were. An
 * EMAIL system's settings are ZEmailConfig's (lib/fulfilment/engine/connectors/email).
 */
function nextConfig(previous: unknown, input: TSystemConfig): Prisma.InputJsonObject {
  const kept =
    previous && typeof previous === "object" && !Array.isArray(previous)
      ? (previous as Prisma.InputJsonObject)
      : {};
  if (input.connector === "EMAIL")
    return {
      ...kept,
      to: input.mailTo,
      locale: input.mailLocale,
      remindEveryDays: Number(input.remindEveryDays),
      maxReminders: Number(input.maxReminders),
    };
  if (input.connector !== "HTTP") return kept;
  return { ...kept, endpoint: input.endpoint, timeoutMs: Number(input.timeoutMs) };
}

async function create(tx: Tx, input: TSystemConfig) {
  if (await tx.dataSystem.findUnique({ where: { key: input.key }, select: { id: true } }))
    throw keyTakenError();
  return tx.dataSystem.create({
    data: { key: input.key, ...fields(input), config: nextConfig({}, input) },
    select: { id: true, key: true },
  });
}

async function update(tx: Tx, id: string, input: TSystemConfig) {
  const current = await tx.dataSystem.findUnique({ where: { id }, select: { config: true } });
  if (!current) throw notFoundError();
  // The key is never written on edit: requests, tasks and systems' callbacks name it.
  return tx.dataSystem.update({
    where: { id },
    data: { ...fields(input), config: nextConfig(current.config, input) },
    select: { id: true, key: true },
  });
}

const fields = (input: TSystemConfig) => ({
  ...namesOf(input),
  connector: input.connector,
});

/** Creates a data system, or edits the one with `input.id`, with its audit event. */
export async function saveSystem(options: { actor: Actor; input: TSystemConfig }) {
  const { actor, input } = options;
  assertCanConfigure(actor);
  assertRecentPasskey(actor);
  return getDb()
    .$transaction(async (tx) => {
      const system = input.id ? await update(tx, input.id, input) : await create(tx, input);
      await auditConfig(tx, actor, {
        action: input.id ? "config.system.update" : "config.system.create",
        entityType: "DataSystem",
        entityId: system.id,
        data: { key: system.key, connector: input.connector },
      });
      return system;
    })
    .catch(rethrowKeyConflict);
}
