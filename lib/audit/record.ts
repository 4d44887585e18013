import { createHash } from "node:crypto";

import type { Tx } from "@/lib/db";

// Append-only, hash-chained audit log. Each row's hash covers its content and the previous row's
// hash, so any edit or deletion breaks the chain (verifyAuditChain). Rows carry ids, not personal data.

export const GENESIS_HASH = "0".repeat(64);

export interface AuditInput {
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  requestId?: string | null;
  ip?: string | null;
  data?: Record<string, string | number | boolean | null>;
}

export interface AuditRow {
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  requestId: string | null;
  ip: string | null;
  data: unknown;
  prevHash: string;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a.localeCompare(b),
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function hashAuditRow(row: AuditRow): string {
  const { at, ...rest } = row;
  return createHash("sha256")
    .update(canonical({ ...rest, at: at.toISOString() }))
    .digest("hex");
}

/** Writes one audit event in the caller's transaction; chain order is serialised by a lock. */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(4207211)`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const row: AuditRow = {
    at: new Date(),
    actorId: input.actorId,
    actorRole: input.actorRole,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    requestId: input.requestId ?? null,
    ip: input.ip ?? null,
    data: input.data ?? {},
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.auditEvent.create({
    data: { ...row, data: row.data as object, hash: hashAuditRow(row) },
  });
}
