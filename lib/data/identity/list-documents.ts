import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { requestScope } from "@/lib/data/requests/get-request";
import { getDb } from "@/lib/db";

/**
 * The identity documents of one request, as its requester or staff may see them: facts only
 * (kind, whose, when, size). Storage keys and wrapped keys never leave the data layer, and
 * purged documents are listed no more. Out of scope or unknown: an empty list.
 */
export async function listDocuments(options: { actor: Actor; reference: string }) {
  return getDb().identityDocument.findMany({
    where: {
      purgedAt: null,
      request: { AND: [{ reference: options.reference }, requestScope(options.actor)] },
    },
    orderBy: { uploadedAt: "asc" },
    select: { id: true, kind: true, owner: true, uploadedAt: true, sizeBytes: true },
  });
}

export type DocumentListItem = Awaited<ReturnType<typeof listDocuments>>[number];
