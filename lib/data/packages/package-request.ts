import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

import { requestIdFor } from "../requests/request-id";

// The request a package operation works on: staff with request:fulfil, a DISCLOSURE being
// fulfilled (IN_PROGRESS). Packages are built, redacted and rebuilt only before release.

const SELECT = {
  id: true,
  reference: true,
  type: true,
  status: true,
  subjectId: true,
  details: true,
  locale: true,
  jurisdictions: true,
  residenceCountry: true,
} as const;

export type PackageRequest = Awaited<ReturnType<typeof loadPackageRequest>>;

export async function loadPackageRequest(actor: Actor, reference: string) {
  if (!can(actor.role, "request:fulfil")) throw new AppError("FORBIDDEN");
  const id = await requestIdFor(actor, reference);
  const request = await getDb().request.findUniqueOrThrow({ where: { id }, select: SELECT });
  assertOpenDisclosure(request);
  return request;
}

export function assertOpenDisclosure(request: { type: string; status: string }) {
  if (request.type !== "DISCLOSURE" || request.status !== "IN_PROGRESS")
    throw new AppError("ILLEGAL_TRANSITION");
}

/** Locks the request row for the rest of the transaction and re-checks that it is still open. */
export async function lockOpenDisclosure(tx: Tx, requestId: string) {
  await tx.$queryRaw`SELECT id FROM "Request" WHERE id = ${requestId} FOR UPDATE`;
  const request = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: SELECT });
  assertOpenDisclosure(request);
  return request;
}

/**
 * Removes the packages prepared but not yet released (rows in the caller's transaction); their
 * files are returned so the caller deletes them once the transaction has committed.
 */
export async function discardPrepared(
  tx: Tx,
  options: { actor: Actor; requestId: string; reason: string },
) {
  const { actor, requestId } = options;
  const old = await tx.responsePackage.findMany({
    where: { requestId, releasedAt: null },
    select: { id: true, format: true, storageKey: true },
  });
  if (old.length === 0) return [];
  await tx.responsePackage.deleteMany({
    where: { id: { in: old.map((p) => p.id) }, releasedAt: null },
  });
  for (const pkg of old) {
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "package.discard",
      entityType: "ResponsePackage",
      entityId: pkg.id,
      requestId,
      ip: actor.ip,
      data: { format: pkg.format, reason: options.reason },
    });
  }
  return old.flatMap((p) => (p.storageKey ? [{ storageKey: p.storageKey }] : []));
}
