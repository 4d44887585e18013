import { createHash } from "node:crypto";

import type { Tx } from "@/lib/db";
import { currentRequestId } from "@/lib/http/request-context";

// Append-only, hash-chained audit log. Each row's hash covers its content and the previous row's
// hash, so any edit or deletion breaks the chain (verifyAuditChain). Rows carry ids, not personal data.

export const GENESIS_HASH = "0".repeat(64);

/** The chain's transaction-scoped advisory lock (lib/notice/record.ts takes it before its own). */
export const AUDIT_LOCK = 4207211;

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
  /** The HTTP request's id; null (and then left out of the hash, as rows before it were). */
  correlationId?: string | null;
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
  const { at, correlationId, ...rest } = row;
  return createHash("sha256")
    .update(
      canonical({ ...rest, at: at.toISOString(), ...(correlationId ? { correlationId } : {}) }),
    )
    .digest("hex");
}

/**
 * Writes one audit event in the caller's transaction. Chain order is serialised by a lock; the head
 * row (last id, hash, count) moves in the same transaction, so rows deleted from the end of the
 * chain are found too (verifyAuditChain).
 */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const head = await readHead(tx);
  const row: AuditRow = {
    at: new Date(),
    actorId: input.actorId,
    actorRole: input.actorRole,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    requestId: input.requestId ?? null,
    ip: input.ip ?? null,
    // The HTTP request being served, if any: the same id as its log lines and X-Request-Id.
    correlationId: currentRequestId() ?? null,
    data: input.data ?? {},
    prevHash: head.hash,
  };
  const hash = hashAuditRow(row);
  const created = await tx.auditEvent.create({
    data: { ...row, data: row.data as object, hash },
    select: { id: true },
  });
  const next = { lastId: created.id, hash, count: head.count + 1n };
  await tx.auditHead.upsert({ where: { id: 1 }, create: { id: 1, ...next }, update: next });
}

/** The head, or for a chain written before the head existed, the head it would have. */
async function readHead(tx: Tx): Promise<{ hash: string; count: bigint }> {
  const head = await tx.auditHead.findUnique({ where: { id: 1 } });
  if (head) return head;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  if (!last) return { hash: GENESIS_HASH, count: 0n };
  return { hash: last.hash, count: BigInt(await tx.auditEvent.count()) };
}
