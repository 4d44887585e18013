import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ConnectionCheck } from "@/lib/fulfilment/engine/connectors/connector";
import { connectorFor } from "@/lib/fulfilment/engine/connectors/registry";

import { assertCanConfigure, auditConfig, notFoundError } from "./shared";

// A system's connection test from its settings page, through its connector's own
// testConnection (the kit's interface, lib/fulfilment/engine/connectors/connector.ts): the result
// is kept on the system for its health panel, with an audit event.

/** Stores a test's outcome: null when it passed, else the failure code and detail. */
export async function recordConnectionTest(
  actor: Actor,
  system: { id: string; key: string },
  problem: string | null,
) {
  await getDb().$transaction(async (tx) => {
    await tx.dataSystem.update({
      where: { id: system.id },
      data: { lastTestedAt: new Date(), lastTestProblem: problem },
    });
    await auditConfig(tx, actor, {
      action: "config.system.test",
      entityType: "DataSystem",
      entityId: system.id,
      data: { key: system.key, ok: problem === null },
    });
  });
}

export async function testSystem(options: { actor: Actor; id: string }): Promise<ConnectionCheck> {
  assertCanConfigure(options.actor);
  const system = await getDb().dataSystem.findUnique({
    where: { id: options.id },
    select: { id: true, key: true, connector: true, config: true },
  });
  if (!system) throw notFoundError();
  const connector = connectorFor(system.connector);
  // A MANUAL system is worked by staff: there is nothing to connect to.
  if (!connector) throw new AppError("CONFLICT");
  const check = await connector.testConnection(getDb(), system);
  await recordConnectionTest(options.actor, system, check.ok ? null : check.problem);
  return check;
}
