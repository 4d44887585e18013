import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { requestScope } from "@/lib/data/requests/get-request";
import { getDb } from "@/lib/db";

// Who may open an identity document (DOMAIN.md: readable only by assigned staff): someone with
// `identity-document:view`, and, once the request has an assignee, that assignee only.

export function mayOpenDocuments(actor: Actor, assigneeId: string | null): boolean {
  if (!can(actor.role, "identity-document:view")) return false;
  return assigneeId === null || assigneeId === actor.userId;
}

/**
 * A document whose file still exists and has not been decided on, if the actor may open it; null
 * otherwise, whatever the reason (no permission, another's assignment, decided on or destroyed,
 * unknown id), so nothing is revealed.
 */
export async function findOpenableDocument(actor: Actor, documentId: string) {
  if (!can(actor.role, "identity-document:view")) return null;
  const document = await getDb().identityDocument.findFirst({
    where: {
      id: documentId,
      // Decided on: waiting for the purge job, and no longer to be looked at.
      purgeAfter: null,
      purgedAt: null,
      storageKey: { not: null },
      wrappedKey: { not: null },
      request: requestScope(actor),
    },
    select: {
      id: true,
      requestId: true,
      kind: true,
      owner: true,
      mimeType: true,
      storageKey: true,
      wrappedKey: true,
      request: { select: { assigneeId: true } },
    },
  });
  if (!document || !mayOpenDocuments(actor, document.request.assigneeId)) return null;
  const { storageKey, wrappedKey } = document;
  if (!storageKey || !wrappedKey) return null;
  return { ...document, storageKey, wrappedKey };
}
