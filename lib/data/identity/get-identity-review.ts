import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { requestScope } from "@/lib/data/requests/get-request";
import { getDb } from "@/lib/db";

import { mayOpenDocuments } from "./document-access";

/** How many hex digits of a document's SHA-256 the panel shows: enough to tell files apart. */
const HASH_PREFIX = 16;

/**
 * What the staff identity-review panel shows for one request: its documents (facts, whether the
 * file still exists, never its keys), the data points to match them against, and the decisions
 * so far. Null for anyone without the staff permission, and for an unknown reference.
 */
export async function getIdentityReview(options: { actor: Actor; reference: string }) {
  const { actor, reference } = options;
  if (!can(actor.role, "request:verify-identity")) return null;
  const request = await getDb().request.findFirst({
    where: { AND: [{ reference }, requestScope(actor)] },
    select: {
      id: true,
      status: true,
      filerRole: true,
      assigneeId: true,
      agentDetails: true,
      subject: {
        select: {
          familyName: true,
          givenName: true,
          familyNameKana: true,
          givenNameKana: true,
          birthDate: true,
          postalCode: true,
          address: true,
        },
      },
      documents: {
        orderBy: { uploadedAt: "asc" },
        select: {
          id: true,
          owner: true,
          kind: true,
          side: true,
          mimeType: true,
          sizeBytes: true,
          sha256: true,
          uploadedAt: true,
          storageKey: true,
          purgeAfter: true,
          purgedAt: true,
          purgeNote: true,
          myNumberFlaggedAt: true,
        },
      },
      decisions: {
        orderBy: { decidedAt: "asc" },
        select: {
          id: true,
          result: true,
          checks: true,
          reasons: true,
          note: true,
          decidedAt: true,
          decidedBy: { select: { name: true, email: true } },
        },
      },
    },
  });
  if (!request) return null;
  const { documents, ...rest } = request;
  return {
    ...rest,
    canOpen: mayOpenDocuments(actor, request.assigneeId),
    documents: documents.map(({ storageKey, sha256, ...document }) => ({
      ...document,
      stored: storageKey !== null && document.purgedAt === null,
      hashPrefix: sha256.slice(0, HASH_PREFIX),
    })),
  };
}

export type IdentityReview = NonNullable<Awaited<ReturnType<typeof getIdentityReview>>>;
export type ReviewDocument = IdentityReview["documents"][number];
